package org.escnet.adapters.djl.escnet;

/**
 * How many classes the per-class stages process at a time at inference and evaluation
 * ({@code escnet.model.class-chunk}): memory stays bounded in the vocabulary size, and the result does not depend on
 * the chunk. The default of 16 is also the fastest measured on a 2-vCPU machine: ViT-B/16 CAT-Seg at 171 classes took
 * 8.4 to 8.7 s per image with chunks of 4, 8 or 16 classes and 19.2 s with chunks of 64, whose activations no longer
 * fit the caches.
 *
 * @param classes classes per chunk; 0 runs all classes at once
 */
public record ClassChunking(int classes) {
    public static final int DEFAULT_CLASSES = 16;
    public static final ClassChunking DEFAULT = new ClassChunking(DEFAULT_CLASSES);

    public ClassChunking {
        if (classes < 0) {
            throw new IllegalArgumentException("escnet.model.class-chunk must be 0 (all classes at once) or positive, "
                    + "found " + classes);
        }
    }
}
