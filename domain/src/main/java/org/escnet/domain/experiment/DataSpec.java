package org.escnet.domain.experiment;

import java.util.Map;

/**
 * Where the prepared datasets and class lists are (DATASETS.md §1–2).
 *
 * @param roots            benchmark name → folder holding its top folder (e.g. the parent of ADEChallengeData2016)
 * @param classLists       benchmark name → class-name JSON file, overriding the bundled lists' location
 * @param classListDir     folder of the class-name JSON files ({@code ade150.json}, …)
 * @param shapesworldSeed  seed of the synthetic ShapesWorld set
 * @param shapesworldSize  side of ShapesWorld images in pixels
 */
public record DataSpec(
        Map<String, String> roots,
        Map<String, String> classLists,
        String classListDir,
        long shapesworldSeed,
        int shapesworldSize) {

    public static final DataSpec DEFAULTS = new DataSpec(Map.of(), Map.of(), "datasets/classnames", 0L, 128);

    public DataSpec {
        roots = roots == null ? Map.of() : Map.copyOf(roots);
        classLists = classLists == null ? Map.of() : Map.copyOf(classLists);
        TrainSpec.require(shapesworldSize >= 32, "shapesworld-size", "must be at least 32 pixels, found " + shapesworldSize);
    }
}
