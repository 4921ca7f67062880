package org.escnet.adapters.djl.engine;

import org.escnet.domain.data.SegmentationSample;

/** How one image becomes a class per pixel at its label size: one evaluation mode of DATASETS §3.1. */
public interface ImagePredictor {

    /**
     * @param keepPrompts also copy the pseudo prompts that best describe the whole image (for qualitative artifacts)
     */
    ImagePrediction predict(SegmentationSample sample, ViewSegmenter network, boolean keepPrompts);
}
