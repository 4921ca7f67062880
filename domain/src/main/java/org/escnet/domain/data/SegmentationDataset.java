package org.escnet.domain.data;

import java.util.List;
import org.escnet.domain.evaluation.ScoringRule;

/**
 * An indexed, read-only set of segmentation samples with its class vocabulary.
 *
 * <p>Implementations decode a sample when asked and keep nothing per sample in memory beyond the file list, so a
 * training loop may call {@link #sample(int)} from several threads at once.
 */
public interface SegmentationDataset {

    /** The benchmark name ({@code ade150}, {@code shapesworld-unseen}, …). */
    String name();

    /** Class names in index order: label value k is {@code classNames().get(k)}; also the text prompts' order. */
    List<String> classNames();

    /** The label value of pixels that are not scored. */
    int ignoreValue();

    int size();

    /**
     * Decodes sample {@code index} (0-based, stable order).
     *
     * @throws IndexOutOfBoundsException if index is outside 0..size()-1
     * @throws DatasetReadException      if the image or label map cannot be read
     */
    SegmentationSample sample(int index);

    /** True for generated data (ShapesWorld): numbers on it say nothing about the paper's benchmarks. */
    boolean synthetic();

    /** How predictions on this dataset are scored (class count, ignored labels, PAS-20b's background rule). */
    ScoringRule scoring();
}
