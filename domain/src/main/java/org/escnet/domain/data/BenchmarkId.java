package org.escnet.domain.data;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.escnet.domain.evaluation.ScoringRule;
import org.escnet.domain.config.Suggestions;

/**
 * The datasets ESC-Lab knows by name (DATASETS.md §1.1 and §7), with what evaluation needs to know about each.
 *
 * <p>{@code scoredClasses} is the number of classes the mIoU is computed over; 0 means "as many as the class list"
 * (ShapesWorld, whose vocabulary depends on the split). {@code collapsePredictionsFrom} is PAS-20b's rule: every
 * predicted index at or above it is scored as that index (background); -1 means no collapse. {@code extraIgnore}
 * holds label values ignored in addition to {@code ignoreValue} (PC-459: the registered 459 never occurs, an
 * unlabelled 0 − 1 would be stored as 65535).
 */
public enum BenchmarkId {
    COCO_STUFF("coco-stuff", Role.EVALUATION, "coco.json", 255, 171, -1),
    COCO_STUFF_TRAIN("coco-stuff-train", Role.TRAINING, "coco.json", 255, 171, -1),
    ADE150("ade150", Role.EVALUATION, "ade150.json", 255, 150, -1),
    ADE847("ade847", Role.EVALUATION, "ade847.json", 65535, 847, -1),
    PC59("pc59", Role.EVALUATION, "pc59.json", 255, 59, -1),
    PC459("pc459", Role.EVALUATION, "pc459.json", 459, 459, -1, 65535),
    VOC20("voc20", Role.EVALUATION, "voc20.json", 255, 20, -1),
    VOC20B("voc20b", Role.EVALUATION, "voc20b.json", 255, 21, 20),
    SHAPESWORLD_TRAIN("shapesworld-train", Role.TRAINING, null, 255, 0, -1),
    SHAPESWORLD_SEEN("shapesworld-seen", Role.EVALUATION, null, 255, 0, -1),
    SHAPESWORLD_UNSEEN("shapesworld-unseen", Role.EVALUATION, null, 255, 0, -1);

    /** What a dataset is for: a grid's {@code train.dataset} must be TRAINING, {@code eval.benchmarks} EVALUATION. */
    public enum Role { TRAINING, EVALUATION }

    private final String benchmarkName;
    private final Role role;
    private final String classListFile;
    private final int ignoreValue;
    private final int scoredClasses;
    private final int collapsePredictionsFrom;
    private final int[] extraIgnore;

    BenchmarkId(String benchmarkName, Role role, String classListFile, int ignoreValue, int scoredClasses,
            int collapsePredictionsFrom, int... extraIgnore) {
        this.benchmarkName = benchmarkName;
        this.role = role;
        this.classListFile = classListFile;
        this.ignoreValue = ignoreValue;
        this.scoredClasses = scoredClasses;
        this.collapsePredictionsFrom = collapsePredictionsFrom;
        this.extraIgnore = extraIgnore;
    }

    /** The name used in grid files, on the command line and in metric names ({@code eval/ade150/mIoU}). */
    public String benchmarkName() {
        return benchmarkName;
    }

    public Role role() {
        return role;
    }

    /** The class-name JSON file (DATASETS.md §2), or null for ShapesWorld, whose names are generated. */
    public String classListFile() {
        return classListFile;
    }

    public int ignoreValue() {
        return ignoreValue;
    }

    /** Label values ignored besides {@link #ignoreValue()}; a copy. */
    public int[] extraIgnoreValues() {
        return extraIgnore.clone();
    }

    /** Classes scored by mIoU; 0 = the length of the class list. */
    public int scoredClasses() {
        return scoredClasses;
    }

    public int collapsePredictionsFrom() {
        return collapsePredictionsFrom;
    }

    /**
     * The scoring rule of this benchmark.
     *
     * @param classListSize the length of its class list (used when the class count depends on the split)
     */
    public ScoringRule scoringRule(int classListSize) {
        int[] ignored = new int[extraIgnore.length + 1];
        ignored[0] = ignoreValue;
        System.arraycopy(extraIgnore, 0, ignored, 1, extraIgnore.length);
        return new ScoringRule(scoredClasses > 0 ? scoredClasses : classListSize, ignored, collapsePredictionsFrom);
    }

    public boolean synthetic() {
        return benchmarkName.startsWith("shapesworld");
    }

    /** All names in declaration order. */
    public static List<String> knownNames() {
        return Arrays.stream(values()).map(BenchmarkId::benchmarkName).toList();
    }

    /** Names of the datasets with the given role. */
    public static List<String> namesWithRole(Role role) {
        return Arrays.stream(values()).filter(b -> b.role == role).map(BenchmarkId::benchmarkName).toList();
    }

    /** Looks a name up; an unknown name fails with the list of known ones and the closest match. */
    public static BenchmarkId of(String name) {
        for (BenchmarkId b : values()) {
            if (b.benchmarkName.equals(name)) {
                return b;
            }
        }
        throw new UnknownBenchmarkException(name, knownNames());
    }

    /** The message an unknown name produces, also used by config validation. */
    static String unknownMessage(String kind, String name, List<String> known) {
        return "unknown " + kind + " '" + name + "'" + Suggestions.didYouMean(String.valueOf(name), known)
                + "; known " + kind + "s: " + known.stream().collect(Collectors.joining(", "));
    }
}
