package org.escnet.domain.data.augment;

import java.util.random.RandomGenerator;
import org.escnet.domain.data.SegmentationSample;

/**
 * One augmentation step. All randomness comes from the generator passed in, so a training run seeded once is
 * reproducible; image and label map always move together, and labels are never blended.
 */
@FunctionalInterface
public interface SampleTransform {
    SegmentationSample apply(SegmentationSample sample, RandomGenerator random);

    /** This step, then {@code next}. */
    default SampleTransform then(SampleTransform next) {
        return (sample, random) -> next.apply(apply(sample, random), random);
    }
}
