package org.escnet.adapters.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.escnet.domain.data.BenchmarkId;
import org.escnet.domain.data.DatasetReadException;
import org.escnet.domain.evaluation.ScoringRule;

/**
 * Validates a prepared benchmark folder before anyone trains or evaluates on it ({@code escnet dataset check}):
 * counts files, pairs them as detectron2 does, reads every label map as raw values, and reports unpaired files,
 * unreadable files, image/label size mismatches and label values that are neither a class nor ignored.
 *
 * <p>Images are checked through their header (size, format) unless {@code decodeImages} is set, which also catches
 * corrupt pixel data at the cost of decoding every photo.
 */
public final class DatasetChecker {
    /** Problems listed one by one before the rest are summarised in a count. */
    static final int MAX_LISTED_PROBLEMS = 50;

    private final boolean decodeImages;

    public DatasetChecker(boolean decodeImages) {
        this.decodeImages = decodeImages;
    }

    public DatasetChecker() {
        this(false);
    }

    /**
     * Checks {@code benchmark} stored below {@code root} (the folder holding its top folder, e.g. the parent of
     * {@code ADEChallengeData2016}).
     */
    public DatasetCheckReport check(String benchmark, Path root) {
        BenchmarkId id = BenchmarkId.of(benchmark);
        if (id.synthetic()) {
            throw new IllegalArgumentException(benchmark + " is generated in memory: there are no files to check");
        }
        PreparedLayout layout = PreparedLayout.of(id);
        Path imageDir = layout.images(root);
        Path labelDir = layout.labels(root);
        Problems problems = new Problems();
        SortedMap<Integer, Long> histogram = new TreeMap<>();
        for (Path dir : List.of(imageDir, labelDir)) {
            if (!Files.isDirectory(dir)) {
                problems.add("folder " + dir + " does not exist (the root must hold " + layout.topFolder() + "/)");
            }
        }
        if (!problems.isEmpty()) {
            return new DatasetCheckReport(benchmark, root.toString(), 0, 0, 0, histogram, 0, problems.list());
        }

        FilePairing pairing = FilePairing.scan(imageDir, layout.imageExtension(), labelDir, layout.labelExtension());
        if (pairing.labelCount() == 0) {
            problems.add("no *" + layout.labelExtension() + " label maps in " + labelDir);
        }
        for (String label : pairing.labelsWithoutImage()) {
            problems.add("label map " + labelDir.resolve(label) + " has no image " + stem(label, layout.labelExtension())
                    + layout.imageExtension() + " in " + imageDir);
        }
        if (!layout.sharedImageFolder()) {
            for (String image : pairing.imagesWithoutLabel()) {
                problems.add("image " + imageDir.resolve(image) + " has no label map " + stem(image, layout.imageExtension())
                        + layout.labelExtension() + " in " + labelDir);
            }
        }

        ScoringRule rule = id.scoringRule(0);
        long[] counts = new long[65536];
        for (FilePairing.Pair pair : pairing.pairs()) {
            checkPair(pair, rule, counts, problems);
        }
        for (int v = 0; v < counts.length; v++) {
            if (counts[v] > 0) {
                histogram.put(v, counts[v]);
            }
        }
        return new DatasetCheckReport(benchmark, root.toString(), pairing.imageCount(), pairing.labelCount(),
                pairing.pairs().size(), histogram, pairing.imagesWithoutLabel().size(), problems.list());
    }

    private void checkPair(FilePairing.Pair pair, ScoringRule rule, long[] counts, Problems problems) {
        ImageFiles.Labels labels;
        try {
            labels = ImageFiles.readLabels(pair.label());
        } catch (DatasetReadException e) {
            problems.add(e.getMessage());
            return;
        }
        int[] imageSize;
        try {
            if (decodeImages) {
                ImageFiles.Rgb rgb = ImageFiles.readRgb(pair.image());
                imageSize = new int[] {rgb.width(), rgb.height()};
            } else {
                imageSize = ImageFiles.size(pair.image());
            }
        } catch (DatasetReadException e) {
            problems.add(e.getMessage());
            imageSize = null;
        }
        if (imageSize != null && (imageSize[0] != labels.width() || imageSize[1] != labels.height())) {
            problems.add("label map " + pair.label() + " is " + labels.width() + "x" + labels.height()
                    + " but its image " + pair.image() + " is " + imageSize[0] + "x" + imageSize[1]);
        }
        TreeMap<Integer, Long> outside = new TreeMap<>();
        for (int v : labels.values()) {
            if (v >>> 16 != 0) {
                // wider than 16 bits: no benchmark stores such values; count it as outside, not in the histogram
                outside.merge(v, 1L, Long::sum);
                continue;
            }
            counts[v]++;
            if (v >= rule.classCount() && !rule.isIgnored(v)) {
                outside.merge(v, 1L, Long::sum);
            }
        }
        if (!outside.isEmpty()) {
            long pixels = outside.values().stream().mapToLong(Long::longValue).sum();
            problems.add("label map " + pair.label() + " has " + pixels + " pixels with values outside the classes 0.."
                    + (rule.classCount() - 1) + " that are not ignored " + ignoredText(rule) + ": "
                    + outside.keySet().stream().limit(10).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                    + (outside.size() > 10 ? ", …" : ""));
        }
    }

    private static String ignoredText(ScoringRule rule) {
        int[] ignored = rule.ignoredLabels();
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < ignored.length; i++) {
            s.append(i == 0 ? "" : " or ").append(ignored[i]);
        }
        return s.append(')').toString();
    }

    private static String stem(String fileName, String ext) {
        return fileName.substring(0, fileName.length() - ext.length());
    }

    /** Collects messages, listing the first {@link #MAX_LISTED_PROBLEMS} and counting the rest. */
    private static final class Problems {
        private final List<String> listed = new ArrayList<>();
        private int more;

        void add(String message) {
            if (listed.size() < MAX_LISTED_PROBLEMS) {
                listed.add(message);
            } else {
                more++;
            }
        }

        boolean isEmpty() {
            return listed.isEmpty();
        }

        List<String> list() {
            List<String> out = new ArrayList<>(listed);
            if (more > 0) {
                out.add("… and " + more + " more problems");
            }
            return out;
        }
    }
}
