package org.escnet.adapters.djl.tokenizer;

import java.nio.charset.StandardCharsets;

/**
 * A file-free tokenizer for the {@code tiny} preset: one id per UTF-8 byte of the cleaned text. Ids: 0 padding,
 * byte b → b + 1, SOT 257, EOT 258 (the highest, so pooling at {@code argmax(ids)} works as with CLIP BPE).
 */
public final class ByteTokenizer implements ClipTokenizer {

    public static final int SOT = 257;
    public static final int EOT = 258;
    public static final int VOCAB_SIZE = 259;

    @Override
    public int[] encode(String text, int contextLength) {
        byte[] bytes = ClipTextCleaner.clean(text).getBytes(StandardCharsets.UTF_8);
        int[] tokens = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            tokens[i] = (bytes[i] & 0xFF) + 1;
        }
        return ClipTokenizer.frame(tokens, SOT, EOT, contextLength);
    }

    @Override
    public int sotId() {
        return SOT;
    }

    @Override
    public int eotId() {
        return EOT;
    }

    @Override
    public int vocabSize() {
        return VOCAB_SIZE;
    }
}
