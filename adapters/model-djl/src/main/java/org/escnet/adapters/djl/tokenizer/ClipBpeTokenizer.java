package org.escnet.adapters.djl.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CLIP byte-level BPE tokenizer (OpenAI {@code SimpleTokenizer}, DATASETS §4): clean the text, split it with
 * CLIP's pattern, map each piece's UTF-8 bytes to symbols, mark the word end with {@code </w>}, merge pairs by
 * rank, look the pieces up. Build it with {@link ClipTokenizerFiles}. Thread-safe.
 */
public final class ClipBpeTokenizer implements ClipTokenizer {

    public static final String START_OF_TEXT = "<|startoftext|>";
    public static final String END_OF_TEXT = "<|endoftext|>";
    public static final String END_OF_WORD = "</w>";

    /** Digits are single characters ({@code [\p{N}]} without +), contractions split off, as in OpenAI's code. */
    private static final Pattern PRE_TOKENIZER = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final int CACHE_LIMIT = 200_000;

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> mergeRanks;
    private final int sot;
    private final int eot;
    private final Map<String, int[]> wordCache = new ConcurrentHashMap<>();

    /**
     * @param vocab      token string → id, including the two special tokens
     * @param merges     merge pairs {@code "a b"} in rank order (lowest rank merges first)
     * @throws IllegalArgumentException when a special token is missing or EOT is not the highest id
     */
    public ClipBpeTokenizer(Map<String, Integer> vocab, List<String> merges) {
        this.vocab = Map.copyOf(vocab);
        Map<String, Integer> ranks = new HashMap<>(merges.size() * 2);
        for (int i = 0; i < merges.size(); i++) {
            ranks.putIfAbsent(merges.get(i), i);
        }
        this.mergeRanks = Map.copyOf(ranks);
        Integer s = vocab.get(START_OF_TEXT);
        Integer e = vocab.get(END_OF_TEXT);
        if (s == null || e == null) {
            throw new IllegalArgumentException("the CLIP vocabulary must contain " + START_OF_TEXT + " and "
                    + END_OF_TEXT + ", found " + (s == null ? "no " + START_OF_TEXT : "no " + END_OF_TEXT));
        }
        int max = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        if (e != max) {
            throw new IllegalArgumentException(END_OF_TEXT + " must have the highest id (pooling takes argmax of the "
                    + "ids), found id " + e + " while the highest id is " + max);
        }
        this.sot = s;
        this.eot = e;
    }

    @Override
    public int[] encode(String text, int contextLength) {
        return ClipTokenizer.frame(tokenIds(text), sot, eot, contextLength);
    }

    /** @return the token ids of the cleaned text, without SOT, EOT or padding */
    public int[] tokenIds(String text) {
        String cleaned = ClipTextCleaner.clean(text);
        List<Integer> ids = new ArrayList<>();
        Matcher m = PRE_TOKENIZER.matcher(cleaned);
        while (m.find()) {
            String piece = m.group();
            if (piece.equals(START_OF_TEXT)) {
                ids.add(sot);
                continue;
            }
            if (piece.equals(END_OF_TEXT)) {
                ids.add(eot);
                continue;
            }
            for (int id : wordIds(piece)) {
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] wordIds(String piece) {
        int[] cached = wordCache.get(piece);
        if (cached != null) {
            return cached;
        }
        List<String> symbols = bpe(byteSymbols(piece));
        int[] ids = new int[symbols.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = vocab.get(symbols.get(i));
            if (id == null) {
                throw new IllegalStateException("BPE produced '" + symbols.get(i) + "' for '" + piece
                        + "', which the vocabulary lacks: vocabulary and merges do not belong together");
            }
            ids[i] = id;
        }
        if (wordCache.size() > CACHE_LIMIT) {
            wordCache.clear();
        }
        wordCache.put(piece, ids);
        return ids;
    }

    private static List<String> byteSymbols(String piece) {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        List<String> symbols = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            symbols.add(ByteUnicodeTable.symbol(b));
        }
        int last = symbols.size() - 1;
        symbols.set(last, symbols.get(last) + END_OF_WORD);
        return symbols;
    }

    /** Merges the lowest-ranked adjacent pair everywhere (left to right, non-overlapping) until none is known. */
    private List<String> bpe(List<String> word) {
        while (word.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            String bestFirst = null;
            String bestSecond = null;
            for (int i = 0; i < word.size() - 1; i++) {
                Integer rank = mergeRanks.get(word.get(i) + " " + word.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    bestFirst = word.get(i);
                    bestSecond = word.get(i + 1);
                }
            }
            if (bestFirst == null) {
                break;
            }
            List<String> merged = new ArrayList<>(word.size());
            for (int i = 0; i < word.size(); i++) {
                if (i < word.size() - 1 && word.get(i).equals(bestFirst) && word.get(i + 1).equals(bestSecond)) {
                    merged.add(bestFirst + bestSecond);
                    i++;
                } else {
                    merged.add(word.get(i));
                }
            }
            word = merged;
        }
        return word;
    }

    @Override
    public int sotId() {
        return sot;
    }

    @Override
    public int eotId() {
        return eot;
    }

    @Override
    public int vocabSize() {
        return eot + 1;
    }
}
