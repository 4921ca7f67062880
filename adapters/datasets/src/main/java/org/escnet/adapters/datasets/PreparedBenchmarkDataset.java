package org.escnet.adapters.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.escnet.domain.data.BenchmarkId;
import org.escnet.domain.data.DatasetReadException;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.evaluation.ScoringRule;

/**
 * A benchmark in CAT-Seg's prepared layout on disk. Opening lists the files once; each {@link #sample(int)} decodes
 * one image and its label map. Safe to call from several threads.
 */
public final class PreparedBenchmarkDataset implements SegmentationDataset {
    private final BenchmarkId benchmark;
    private final List<String> classNames;
    private final List<FilePairing.Pair> pairs;

    private PreparedBenchmarkDataset(BenchmarkId benchmark, List<String> classNames, List<FilePairing.Pair> pairs) {
        this.benchmark = benchmark;
        this.classNames = classNames;
        this.pairs = pairs;
    }

    /**
     * Opens a benchmark stored below {@code root} (the folder holding its top folder).
     *
     * @throws DatasetReadException when the folders are missing or hold no pairs
     */
    public static PreparedBenchmarkDataset open(BenchmarkId benchmark, Path root, List<String> classNames) {
        PreparedLayout layout = PreparedLayout.of(benchmark);
        Path images = layout.images(root);
        Path labels = layout.labels(root);
        for (Path dir : List.of(labels, images)) {
            if (!Files.isDirectory(dir)) {
                throw new DatasetReadException(benchmark.benchmarkName() + ": folder " + dir + " does not exist; the"
                        + " root must be the folder holding " + layout.topFolder() + "/ as CAT-Seg's preparation"
                        + " scripts leave it (see DATASETS.md §1.1)");
            }
        }
        FilePairing pairing = FilePairing.scan(images, layout.imageExtension(), labels, layout.labelExtension());
        if (pairing.pairs().isEmpty()) {
            throw new DatasetReadException(benchmark.benchmarkName() + ": no image/label pairs: " + pairing.labelCount()
                    + " *" + layout.labelExtension() + " files in " + labels + ", " + pairing.imageCount() + " *"
                    + layout.imageExtension() + " files in " + images);
        }
        int expected = benchmark.scoringRule(classNames.size()).classCount();
        int listed = classNames.size();
        boolean listFits = benchmark == BenchmarkId.VOC20B ? listed >= expected - 1 : listed == expected;
        if (!listFits) {
            throw new DatasetReadException(benchmark.benchmarkName() + ": the class list has " + listed
                    + " names but the benchmark scores " + expected + " classes; is it the right file ("
                    + benchmark.classListFile() + ")?");
        }
        return new PreparedBenchmarkDataset(benchmark, classNames, pairing.pairs());
    }

    @Override
    public String name() {
        return benchmark.benchmarkName();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int ignoreValue() {
        return benchmark.ignoreValue();
    }

    @Override
    public int size() {
        return pairs.size();
    }

    /** The files of sample {@code index}. */
    public FilePairing.Pair files(int index) {
        return pairs.get(index);
    }

    @Override
    public SegmentationSample sample(int index) {
        FilePairing.Pair pair = pairs.get(index);
        ImageFiles.Rgb image = ImageFiles.readRgb(pair.image());
        ImageFiles.Labels labels = ImageFiles.readLabels(pair.label());
        if (image.width() != labels.width() || image.height() != labels.height()) {
            throw new DatasetReadException(name() + ": image " + pair.image() + " is " + image.width() + "x"
                    + image.height() + " but its label map " + pair.label() + " is " + labels.width() + "x"
                    + labels.height());
        }
        return new SegmentationSample(pair.id(), image.width(), image.height(), image.rgb(), labels.values(),
                benchmark.ignoreValue());
    }

    @Override
    public boolean synthetic() {
        return false;
    }

    @Override
    public ScoringRule scoring() {
        return benchmark.scoringRule(classNames.size());
    }
}
