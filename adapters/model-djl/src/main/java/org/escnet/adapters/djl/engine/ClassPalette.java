package org.escnet.adapters.djl.engine;

/**
 * A fixed colour per class index, the PASCAL VOC colour map (the bits of the index spread over the high bits of red,
 * green and blue) shifted by one so that black stays free for ignored pixels: class c gets VOC colour c + 1. Every
 * index below 2²⁴ − 1 gets its own colour, so even A-847 has no two classes alike.
 */
public final class ClassPalette {
    /** The colour of pixels that are not scored. */
    public static final int IGNORED = 0x000000;

    private ClassPalette() {
    }

    /** Class {@code index} (0 or more) as 0xRRGGBB. */
    public static int rgb(int index) {
        if (index < 0 || index >= (1 << 24) - 1) {
            throw new IllegalArgumentException("class index must be within 0.." + ((1 << 24) - 2) + ", found " + index);
        }
        int c = index + 1;
        int r = 0;
        int g = 0;
        int b = 0;
        for (int bit = 7; bit >= 0; bit--) {
            r |= (c & 1) << bit;
            g |= ((c >> 1) & 1) << bit;
            b |= ((c >> 2) & 1) << bit;
            c >>= 3;
        }
        return r << 16 | g << 8 | b;
    }
}
