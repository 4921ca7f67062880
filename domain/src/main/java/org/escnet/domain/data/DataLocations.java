package org.escnet.domain.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.escnet.domain.experiment.DataSpec;

/**
 * Where a catalog finds the prepared datasets: resolved from a run's {@link DataSpec}.
 *
 * @param roots            benchmark name → folder holding its top folder (e.g. the parent of
 *                         {@code ADEChallengeData2016}); the key {@value #DEFAULT_ROOT} is used for benchmarks without
 *                         their own entry, like detectron2's {@code $DETECTRON2_DATASETS}
 * @param classLists       benchmark name → class-name JSON file, overriding {@code classListDir}
 * @param classListDir     folder holding {@code coco.json}, {@code ade150.json}, …
 * @param shapesworldSeed  seed of the synthetic ShapesWorld set
 * @param shapesworldSize  side of ShapesWorld images in pixels
 */
public record DataLocations(Map<String, Path> roots, Map<String, Path> classLists, Path classListDir,
        long shapesworldSeed, int shapesworldSize) {

    /** The roots key that applies to every benchmark without an entry of its own. */
    public static final String DEFAULT_ROOT = "default";

    public DataLocations {
        roots = Map.copyOf(roots);
        classLists = Map.copyOf(classLists);
    }

    /** Resolves the spec's strings as paths; relative paths are taken against {@code base} (the working folder). */
    public static DataLocations fromSpec(DataSpec spec, Path base) {
        Map<String, Path> roots = new HashMap<>();
        spec.roots().forEach((k, v) -> roots.put(k, base.resolve(v)));
        Map<String, Path> lists = new HashMap<>();
        spec.classLists().forEach((k, v) -> lists.put(k, base.resolve(v)));
        return new DataLocations(roots, lists, base.resolve(spec.classListDir()), spec.shapesworldSeed(),
                spec.shapesworldSize());
    }

    /** Only a root for one benchmark and a class-list folder; ShapesWorld defaults (seed 0, 128 pixels). */
    public static DataLocations of(String benchmark, Path root, Path classListDir) {
        return new DataLocations(Map.of(benchmark, root), Map.of(), classListDir, 0L, 128);
    }

    /** The folder holding the benchmark's top folder, if configured (its own entry, else the default entry). */
    public Optional<Path> root(String benchmark) {
        Path own = roots.get(benchmark);
        return Optional.ofNullable(own != null ? own : roots.get(DEFAULT_ROOT));
    }

    /** The class-name file of a benchmark: its override, else {@code classListDir/fileName}. */
    public Path classList(String benchmark, String fileName) {
        Path own = classLists.get(benchmark);
        return own != null ? own : classListDir.resolve(fileName);
    }
}
