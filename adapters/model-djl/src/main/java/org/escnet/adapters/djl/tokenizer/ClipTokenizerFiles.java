package org.escnet.adapters.djl.tokenizer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Builds a {@link ClipBpeTokenizer} from the files that come with CLIP weights: Hugging Face {@code tokenizer.json},
 * {@code vocab.json} + {@code merges.txt}, or OpenAI's {@code bpe_simple_vocab_16e6.txt.gz}. All three define the
 * same 49,408-id vocabulary for every OpenAI CLIP checkpoint.
 */
public final class ClipTokenizerFiles {

    public static final String TOKENIZER_JSON = "tokenizer.json";
    public static final String VOCAB_JSON = "vocab.json";
    public static final String MERGES_TXT = "merges.txt";
    public static final String OPENAI_BPE = "bpe_simple_vocab_16e6.txt.gz";

    /** OpenAI uses the first 49,152 - 256 - 2 merges of the file (which holds about 262k). */
    static final int OPENAI_MERGE_COUNT = 49152 - 256 - 2;

    private ClipTokenizerFiles() {
    }

    /**
     * Finds tokenizer files in a folder, preferring {@code tokenizer.json}, then {@code vocab.json}+{@code merges.txt},
     * then {@code bpe_simple_vocab_16e6.txt.gz}.
     *
     * @throws TokenizerFilesException naming the folder and the file names looked for when none is there
     */
    public static ClipBpeTokenizer fromDirectory(Path dir) {
        if (Files.isRegularFile(dir.resolve(TOKENIZER_JSON))) {
            return fromTokenizerJson(dir.resolve(TOKENIZER_JSON));
        }
        if (Files.isRegularFile(dir.resolve(VOCAB_JSON)) && Files.isRegularFile(dir.resolve(MERGES_TXT))) {
            return fromVocabAndMerges(dir.resolve(VOCAB_JSON), dir.resolve(MERGES_TXT));
        }
        if (Files.isRegularFile(dir.resolve(OPENAI_BPE))) {
            return fromOpenAiBpe(dir.resolve(OPENAI_BPE));
        }
        throw new TokenizerFilesException("no CLIP tokenizer files in " + dir + ": expected " + TOKENIZER_JSON
                + ", or " + VOCAB_JSON + " with " + MERGES_TXT + ", or " + OPENAI_BPE
                + " (they come with the CLIP weights)");
    }

    /** OpenAI's gzip file: a header line, then merges; the vocabulary is derived from the byte table and merges. */
    public static ClipBpeTokenizer fromOpenAiBpe(Path gz) {
        List<String> lines = new ArrayList<>(OPENAI_MERGE_COUNT + 1);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            String line;
            while (lines.size() < OPENAI_MERGE_COUNT + 1 && (line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new TokenizerFilesException("cannot read " + gz + ": " + e.getMessage(), e);
        }
        if (lines.size() < OPENAI_MERGE_COUNT + 1) {
            throw new TokenizerFilesException(gz + " is truncated: expected a header and " + OPENAI_MERGE_COUNT
                    + " merge lines, found " + lines.size() + " lines");
        }
        List<String> merges = lines.subList(1, OPENAI_MERGE_COUNT + 1);
        Map<String, Integer> vocab = new HashMap<>(70_000);
        List<String> symbols = new ArrayList<>(256);
        for (int cp : ByteUnicodeTable.symbolOrder()) {
            symbols.add(new String(Character.toChars(cp)));
        }
        int id = 0;
        for (String s : symbols) {
            vocab.put(s, id++);
        }
        for (String s : symbols) {
            vocab.put(s + ClipBpeTokenizer.END_OF_WORD, id++);
        }
        for (String merge : merges) {
            int space = merge.indexOf(' ');
            if (space <= 0) {
                throw new TokenizerFilesException(gz + " has a malformed merge line '" + merge
                        + "': expected two symbols separated by one space");
            }
            vocab.put(merge.substring(0, space) + merge.substring(space + 1), id++);
        }
        vocab.put(ClipBpeTokenizer.START_OF_TEXT, id++);
        vocab.put(ClipBpeTokenizer.END_OF_TEXT, id);
        return new ClipBpeTokenizer(vocab, merges);
    }

    /** Hugging Face slow-tokenizer files: {@code vocab.json} (token → id) and {@code merges.txt} ("#version" header). */
    public static ClipBpeTokenizer fromVocabAndMerges(Path vocabJson, Path mergesTxt) {
        Map<String, Integer> vocab = readVocab(vocabJson, parseObject(vocabJson));
        List<String> merges = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(mergesTxt, StandardCharsets.UTF_8)) {
                if (line.startsWith("#version") || line.isBlank()) {
                    continue;
                }
                merges.add(line);
            }
        } catch (IOException e) {
            throw new TokenizerFilesException("cannot read " + mergesTxt + ": " + e.getMessage(), e);
        }
        return new ClipBpeTokenizer(vocab, merges);
    }

    /** Hugging Face fast-tokenizer file: {@code model.vocab} and {@code model.merges} (strings or pairs). */
    public static ClipBpeTokenizer fromTokenizerJson(Path tokenizerJson) {
        JsonObject root = parseObject(tokenizerJson);
        if (!root.has("model") || !root.getAsJsonObject("model").has("vocab")
                || !root.getAsJsonObject("model").has("merges")) {
            throw new TokenizerFilesException(tokenizerJson + " is not a BPE tokenizer.json: expected model.vocab and "
                    + "model.merges, found keys " + root.keySet());
        }
        JsonObject model = root.getAsJsonObject("model");
        Map<String, Integer> vocab = readVocab(tokenizerJson, model.getAsJsonObject("vocab"));
        if (root.has("added_tokens")) {
            for (JsonElement t : root.getAsJsonArray("added_tokens")) {
                JsonObject o = t.getAsJsonObject();
                vocab.put(o.get("content").getAsString(), o.get("id").getAsInt());
            }
        }
        List<String> merges = new ArrayList<>();
        for (JsonElement m : model.getAsJsonArray("merges")) {
            if (m.isJsonArray()) {
                merges.add(m.getAsJsonArray().get(0).getAsString() + " " + m.getAsJsonArray().get(1).getAsString());
            } else {
                merges.add(m.getAsString());
            }
        }
        return new ClipBpeTokenizer(vocab, merges);
    }

    private static Map<String, Integer> readVocab(Path file, JsonObject object) {
        Map<String, Integer> vocab = new HashMap<>(object.size() * 2);
        object.entrySet().forEach(e -> vocab.put(e.getKey(), e.getValue().getAsInt()));
        if (vocab.isEmpty()) {
            throw new TokenizerFilesException(file + " holds an empty vocabulary");
        }
        return vocab;
    }

    private static JsonObject parseObject(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement e = JsonParser.parseReader(r);
            if (!e.isJsonObject()) {
                throw new TokenizerFilesException(file + ": expected a JSON object, found " + e);
            }
            return e.getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            if (e instanceof TokenizerFilesException t) {
                throw t;
            }
            throw new TokenizerFilesException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
