package org.escnet.adapters.djl.tokenizer;

/**
 * GPT-2's reversible byte → printable character table, used by CLIP's BPE: the 188 printable bytes map to
 * themselves, the other 68 (control characters, space, 127–160, 173) to U+0100 onwards in increasing byte order.
 * {@link #symbolOrder()} is the order of vocabulary ids 0–255.
 */
public final class ByteUnicodeTable {

    private static final int[] BYTE_TO_CODE_POINT = new int[256];
    private static final int[] SYMBOL_ORDER = new int[256];

    static {
        boolean[] printable = new boolean[256];
        int k = 0;
        for (int b = 0; b < 256; b++) {
            if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)) {
                printable[b] = true;
                BYTE_TO_CODE_POINT[b] = b;
                SYMBOL_ORDER[k++] = b;
            }
        }
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!printable[b]) {
                BYTE_TO_CODE_POINT[b] = 256 + n++;
                SYMBOL_ORDER[k++] = BYTE_TO_CODE_POINT[b];
            }
        }
    }

    private ByteUnicodeTable() {
    }

    /** @return the symbol standing for byte {@code b} (0–255) */
    public static String symbol(int b) {
        return new String(Character.toChars(BYTE_TO_CODE_POINT[b & 0xFF]));
    }

    /** @return the 256 byte symbols' code points in vocabulary order (printable bytes first, then the remapped) */
    public static int[] symbolOrder() {
        return SYMBOL_ORDER.clone();
    }
}
