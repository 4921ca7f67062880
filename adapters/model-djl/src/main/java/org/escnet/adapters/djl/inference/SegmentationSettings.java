package org.escnet.adapters.djl.inference;

import java.nio.file.Path;
import org.escnet.adapters.djl.escnet.ClassChunking;

/**
 * Limits and places of inference.
 *
 * @param runsDir        where runs keep their work folders ({@code <data-dir>/runs/<id>/checkpoint})
 * @param maxPixels      largest image accepted, width × height ({@code escnet.segment.max-pixels})
 * @param maxClasses     largest vocabulary accepted ({@code escnet.segment.max-classes})
 * @param cachedNetworks networks kept loaded between requests; each holds a whole model in memory
 * @param chunking       classes per chunk in the per-class stages ({@code escnet.model.class-chunk})
 */
public record SegmentationSettings(Path runsDir, long maxPixels, int maxClasses, int cachedNetworks,
                                   ClassChunking chunking) {
    public static final long DEFAULT_MAX_PIXELS = 4096L * 4096L;
    public static final int DEFAULT_MAX_CLASSES = 1000;
    public static final int DEFAULT_CACHED_NETWORKS = 2;

    public SegmentationSettings {
        if (runsDir == null || chunking == null) {
            throw new IllegalArgumentException("a runs folder and a class chunking are required, found " + runsDir
                    + " and " + chunking);
        }
        if (maxPixels < 1 || maxClasses < 1 || cachedNetworks < 1) {
            throw new IllegalArgumentException("max pixels, max classes and cached networks must be at least 1, found "
                    + maxPixels + ", " + maxClasses + " and " + cachedNetworks);
        }
    }

    /** The default limits for the runs under {@code runsDir}. */
    public static SegmentationSettings defaults(Path runsDir) {
        return new SegmentationSettings(runsDir, DEFAULT_MAX_PIXELS, DEFAULT_MAX_CLASSES, DEFAULT_CACHED_NETWORKS,
                ClassChunking.DEFAULT);
    }
}
