package org.escnet.adapters.djl.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteTokenizerTest {

    private final ByteTokenizer tokenizer = new ByteTokenizer();

    @Test
    void bytesShiftByOneBetweenSotAndEot() {
        // 'a' = 97 → 98, ' ' = 32 → 33, 'b' = 98 → 99; text is lower-cased and trimmed first
        assertThat(tokenizer.encode("  A b ", 6)).containsExactly(257, 98, 33, 99, 258, 0);
    }

    @Test
    void multiByteCharactersBecomeOneIdPerByte() {
        // é is C3 A9 in UTF-8
        assertThat(tokenizer.encode("é", 4)).containsExactly(257, 0xC3 + 1, 0xA9 + 1, 258);
    }

    @Test
    void eotIsTheHighestIdAndTruncationKeepsIt() {
        assertThat(tokenizer.eotId()).isEqualTo(tokenizer.vocabSize() - 1);
        assertThat(tokenizer.encode("abcdef", 4)).containsExactly(257, 98, 99, 258);
    }
}
