package org.escnet.adapters.datasets.shapesworld;

import java.util.List;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.evaluation.ScoringRule;

/**
 * A ShapesWorld split as a dataset: images are generated on demand, nothing is stored. Always synthetic.
 */
public final class ShapesWorldDataset implements SegmentationDataset {
    private final ShapesWorldSplit split;
    private final long seed;
    private final int size;
    private final ShapesWorldRenderer renderer;
    private final List<String> classNames;

    /**
     * @param split  which split
     * @param seed   the dataset seed ({@code data.shapesworld-seed})
     * @param side   image side in pixels ({@code data.shapesworld-size})
     * @param size   number of images (the split's {@link ShapesWorldSplit#defaultSize()} unless a test wants fewer)
     */
    public ShapesWorldDataset(ShapesWorldSplit split, long seed, int side, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a ShapesWorld split needs at least one image, found " + size);
        }
        this.split = split;
        this.seed = seed;
        this.size = size;
        this.renderer = new ShapesWorldRenderer(side);
        this.classNames = ShapesWorldVocabulary.texts(split.vocabulary());
    }

    public ShapesWorldDataset(ShapesWorldSplit split, long seed, int side) {
        this(split, seed, side, split.defaultSize());
    }

    public ShapesWorldSplit split() {
        return split;
    }

    @Override
    public String name() {
        return split.benchmark().benchmarkName();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int ignoreValue() {
        return ShapesWorldRenderer.IGNORE;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public SegmentationSample sample(int index) {
        return render(index).sample();
    }

    /** The image with the shapes it was drawn from (phrases, positions, colours). */
    public ShapesWorldRenderer.Rendered render(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(name() + " has " + size + " images, asked for index " + index);
        }
        return renderer.render(seed, split, index);
    }

    @Override
    public boolean synthetic() {
        return true;
    }

    @Override
    public ScoringRule scoring() {
        return ScoringRule.of(classNames.size(), ShapesWorldRenderer.IGNORE);
    }
}
