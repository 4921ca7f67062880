package org.escnet.domain.data.augment;

import java.util.random.RandomGenerator;
import org.escnet.domain.data.SegmentationSample;

/**
 * The training-time pipeline of ESC-NET-SPEC §3.4, in order: ResizeShortestEdge(crop, max 1333) → random crop
 * crop×crop → SSD colour jitter → horizontal flip (p = 0.5) → pad to a multiple of crop (image 128, label = ignore).
 */
public final class TrainingAugmentation implements SampleTransform {
    /** detectron2's {@code INPUT.MAX_SIZE_TRAIN} in the CAT-Seg configs. */
    public static final int MAX_SIZE = 1333;

    private final SampleTransform steps;

    private TrainingAugmentation(SampleTransform steps) {
        this.steps = steps;
    }

    /** The paper's recipe for a square training crop of side {@code cropSize} (384 in the paper). */
    public static TrainingAugmentation forCrop(int cropSize) {
        return new TrainingAugmentation(new ResizeShortestEdge(cropSize, Math.max(cropSize, MAX_SIZE))
                .then(new RandomCrop(cropSize, cropSize))
                .then(SsdColorJitter.DEFAULT)
                .then(new RandomHorizontalFlip(0.5))
                .then(new PadToMultiple(cropSize, 128)));
    }

    @Override
    public SegmentationSample apply(SegmentationSample sample, RandomGenerator random) {
        return steps.apply(sample, random);
    }
}
