package org.escnet.domain.data;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.escnet.domain.evaluation.ScoringRule;

/**
 * The first images of a dataset with its vocabulary cut to the classes that occur in them: what an overfitting check
 * trains and scores on, so that a model is asked to tell apart only the classes it can see. Classes keep their
 * relative order; labels are renumbered to match; every label the source does not score becomes the ignore value. The few samples are decoded once and
 * held in memory.
 */
public final class PresentClasses implements SegmentationDataset {
    /** More images than an overfitting check needs, and a bound on what this class holds in memory. */
    public static final int MAX_IMAGES = 256;

    private final SegmentationDataset source;
    private final List<String> classNames;
    private final List<SegmentationSample> samples;

    private PresentClasses(SegmentationDataset source, List<String> classNames, List<SegmentationSample> samples) {
        this.source = source;
        this.classNames = List.copyOf(classNames);
        this.samples = List.copyOf(samples);
    }

    /** The first {@code images} images of {@code source} and the classes that occur in them. */
    public static PresentClasses firstImages(SegmentationDataset source, int images) {
        if (images < 1 || images > MAX_IMAGES || images > source.size()) {
            throw new IllegalArgumentException("an overfitting set takes 1 to " + Math.min(MAX_IMAGES, source.size())
                    + " images of " + source.name() + ", found " + images);
        }
        int ignore = source.ignoreValue();
        ScoringRule scoring = source.scoring();
        int vocabulary = source.classNames().size();
        List<SegmentationSample> originals = new ArrayList<>();
        TreeSet<Integer> present = new TreeSet<>();
        for (int i = 0; i < images; i++) {
            SegmentationSample s = source.sample(i);
            for (int label : s.labels()) {
                if (label == ignore || scoring.isIgnored(label)) {
                    continue;
                }
                if (label < 0 || label >= vocabulary) {
                    throw new DatasetReadException(source.name() + " sample " + s.id() + " has label " + label
                            + ", outside its " + vocabulary + " classes and not the ignore value " + ignore);
                }
                present.add(label);
            }
            originals.add(s);
        }
        if (present.isEmpty()) {
            throw new IllegalArgumentException("the first " + images + " images of " + source.name()
                    + " have no labelled pixel");
        }
        int[] renumbered = new int[vocabulary];
        List<String> names = new ArrayList<>();
        for (int label : present) {
            renumbered[label] = names.size();
            names.add(source.classNames().get(label));
        }
        List<SegmentationSample> samples = new ArrayList<>();
        for (SegmentationSample s : originals) {
            int[] labels = new int[s.labels().length];
            for (int p = 0; p < labels.length; p++) {
                int label = s.labels()[p];
                labels[p] = label == ignore || scoring.isIgnored(label) ? ignore : renumbered[label];
            }
            samples.add(s.withPixels(s.width(), s.height(), s.rgb(), labels));
        }
        return new PresentClasses(source, names, samples);
    }

    @Override
    public String name() {
        return source.name() + "-first-" + samples.size();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int ignoreValue() {
        return source.ignoreValue();
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public SegmentationSample sample(int index) {
        if (index < 0 || index >= samples.size()) {
            throw new IndexOutOfBoundsException(name() + " has " + samples.size() + " images, asked for index "
                    + index);
        }
        return samples.get(index);
    }

    @Override
    public boolean synthetic() {
        return source.synthetic();
    }

    @Override
    public ScoringRule scoring() {
        return ScoringRule.of(classNames.size(), source.ignoreValue());
    }
}
