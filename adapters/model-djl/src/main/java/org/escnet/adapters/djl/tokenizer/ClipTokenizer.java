package org.escnet.adapters.djl.tokenizer;

import java.util.List;

/**
 * Turns text into the fixed-length id rows a CLIP text encoder takes: {@code [SOT, tokens..., EOT, 0, 0, ...]}.
 * EOT is the highest id of every implementation, so the text encoder pools at {@code argmax(ids)}.
 */
public interface ClipTokenizer {

    /**
     * @param text          any text; cleaned (whitespace collapsed, lower case) by the implementation
     * @param contextLength the row length, at least 2; longer texts are cut and keep EOT as their last id
     * @return {@code contextLength} ids: SOT, the tokens, EOT, then zeros
     */
    int[] encode(String text, int contextLength);

    /** @return the start-of-text id */
    int sotId();

    /** @return the end-of-text id, the highest id in the vocabulary */
    int eotId();

    /** @return the number of ids, i.e. the row count of the token embedding */
    int vocabSize();

    /** @return one row per text, as {@link #encode(String, int)} gives them: (texts.size(), contextLength) */
    default int[][] encodeAll(List<String> texts, int contextLength) {
        int[][] rows = new int[texts.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = encode(texts.get(i), contextLength);
        }
        return rows;
    }

    /**
     * Frames token ids as a context row: SOT + tokens + EOT, cut to {@code contextLength} keeping EOT last, padded
     * with 0 (OpenAI {@code clip.tokenize(..., truncate=True)}).
     */
    static int[] frame(int[] tokens, int sot, int eot, int contextLength) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must be at least 2 (SOT and EOT), found "
                    + contextLength);
        }
        int[] row = new int[contextLength];
        row[0] = sot;
        int kept = Math.min(tokens.length, contextLength - 2);
        System.arraycopy(tokens, 0, row, 1, kept);
        row[kept + 1] = eot;
        return row;
    }
}
