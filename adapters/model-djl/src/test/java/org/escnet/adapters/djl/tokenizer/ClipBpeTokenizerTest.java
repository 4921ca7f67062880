package org.escnet.adapters.djl.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.escnet.adapters.djl.weights.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClipBpeTokenizerTest {

    record Case(String text, int[] ids) {
    }

    private static List<Case> referenceCases() throws Exception {
        Path file = SharedData.require("tokenizer/reference_tokenizations.json");
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        List<Case> cases = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("cases")) {
            JsonObject o = e.getAsJsonObject();
            int[] ids = new int[o.getAsJsonArray("ids").size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = o.getAsJsonArray("ids").get(i).getAsInt();
            }
            cases.add(new Case(o.get("text").getAsString(), ids));
        }
        return cases;
    }

    static Stream<Arguments> formats() {
        return Stream.of(Arguments.of("bpe_simple_vocab_16e6.txt.gz"), Arguments.of("tokenizer.json"),
                Arguments.of("vocab.json+merges.txt"), Arguments.of("folder lookup"));
    }

    private static ClipBpeTokenizer load(String format) {
        Path dir = SharedData.require("tokenizer");
        Path hf = dir.resolve("hf_clip_tokenizer");
        return switch (format) {
            case "bpe_simple_vocab_16e6.txt.gz" -> ClipTokenizerFiles.fromOpenAiBpe(dir.resolve(format));
            case "tokenizer.json" -> ClipTokenizerFiles.fromTokenizerJson(hf.resolve(format));
            case "vocab.json+merges.txt" -> ClipTokenizerFiles.fromVocabAndMerges(hf.resolve("vocab.json"),
                    hf.resolve("merges.txt"));
            default -> ClipTokenizerFiles.fromDirectory(dir);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void reproducesEveryReferenceTokenization(String format) throws Exception {
        ClipBpeTokenizer tokenizer = load(format);
        List<Case> cases = referenceCases();
        assertThat(cases).hasSize(16);
        for (Case c : cases) {
            int[] row = tokenizer.encode(c.text(), 77);
            int[] expected = Arrays.copyOf(c.ids(), 77); // reference ids exclude the zero padding
            assertThat(row).as("text %s from %s", c.text(), format).containsExactly(expected);
        }
        assertThat(tokenizer.sotId()).isEqualTo(49406);
        assertThat(tokenizer.eotId()).isEqualTo(49407);
        assertThat(tokenizer.vocabSize()).isEqualTo(49408);
        System.out.printf("%s: %d/%d reference tokenizations reproduced%n", format, cases.size(), cases.size());
    }

    @Test
    void templateFromTheSpecTokenizes() {
        // DATASETS §4.3, ade847 #1: "A photo of a building in the scene"
        assertThat(load("bpe_simple_vocab_16e6.txt.gz").encode("A photo of a building in the scene", 12))
                .containsExactly(49406, 320, 1125, 539, 320, 2307, 530, 518, 3562, 49407, 0, 0);
    }

    @Test
    void truncationKeepsEotLast() {
        ClipBpeTokenizer t = load("bpe_simple_vocab_16e6.txt.gz");
        // "a photo of a cat" is SOT 320 1125 539 320 2368 EOT; at context 5 the tokens are cut after 3
        assertThat(t.encode("a photo of a cat", 5)).containsExactly(49406, 320, 1125, 539, 49407);
        assertThat(t.encode("", 2)).containsExactly(49406, 49407);
        assertThatThrownBy(() -> t.encode("x", 1)).hasMessageContaining("at least 2");
    }

    @Test
    void htmlEntitiesAreUnescapedTwice() {
        ClipBpeTokenizer t = load("bpe_simple_vocab_16e6.txt.gz");
        // "&amp;amp;" → "&amp;" → "&": both spellings must tokenize as the bare character
        assertThat(t.encode("cats &amp;amp; dogs", 16)).containsExactly(t.encode("cats & dogs", 16));
        assertThat(t.encode("caf&#233;", 16)).containsExactly(t.encode("café", 16));
    }

    @Test
    void folderWithoutFilesNamesWhatItLookedFor(@TempDir Path empty) {
        assertThatThrownBy(() -> ClipTokenizerFiles.fromDirectory(empty))
                .isInstanceOf(TokenizerFilesException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("tokenizer.json")
                .hasMessageContaining("merges.txt")
                .hasMessageContaining("bpe_simple_vocab_16e6.txt.gz");
    }
}
