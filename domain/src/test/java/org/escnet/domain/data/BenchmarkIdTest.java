package org.escnet.domain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.escnet.domain.evaluation.ScoringRule;
import org.escnet.domain.experiment.DataSpec;
import org.escnet.domain.experiment.EvalMode;
import org.escnet.domain.experiment.EvalSpec;
import org.escnet.domain.experiment.RunConfig;
import org.escnet.domain.config.ConfigException;
import org.junit.jupiter.api.Test;

class BenchmarkIdTest {

    @Test
    void knowsTheBenchmarksOfDatasetsMd() {
        assertThat(BenchmarkId.knownNames()).containsExactlyInAnyOrder("coco-stuff", "coco-stuff-train", "ade150",
                "ade847", "pc59", "pc459", "voc20", "voc20b", "shapesworld-train", "shapesworld-seen",
                "shapesworld-unseen");
        assertThat(BenchmarkId.namesWithRole(BenchmarkId.Role.TRAINING))
                .containsExactlyInAnyOrder("coco-stuff-train", "shapesworld-train");
    }

    @Test
    void unknownNameListsTheKnownOnesAndSuggests() {
        assertThatThrownBy(() -> BenchmarkId.of("ade15"))
                .isInstanceOf(UnknownBenchmarkException.class)
                .hasMessageContaining("unknown benchmark 'ade15'")
                .hasMessageContaining("did you mean 'ade150'")
                .hasMessageContaining("voc20b").hasMessageContaining("shapesworld-unseen");
    }

    @Test
    void scoringRulesFollowTheProtocolTable() {
        // DATASETS.md §3.3–3.4
        assertThat(BenchmarkId.of("ade847").scoringRule(847)).isEqualTo(new ScoringRule(847, new int[] {65535}, -1));
        assertThat(BenchmarkId.of("pc459").scoringRule(459)).isEqualTo(new ScoringRule(459, new int[] {459, 65535}, -1));
        assertThat(BenchmarkId.of("voc20b").scoringRule(59)).isEqualTo(new ScoringRule(21, new int[] {255}, 20));
        assertThat(BenchmarkId.of("voc20").scoringRule(20)).isEqualTo(ScoringRule.of(20, 255));
        assertThat(BenchmarkId.of("shapesworld-unseen").scoringRule(108).classCount()).isEqualTo(108);
        assertThat(BenchmarkId.of("shapesworld-seen").synthetic()).isTrue();
        assertThat(BenchmarkId.of("coco-stuff").synthetic()).isFalse();
    }

    @Test
    void locationsResolveRelativePathsAndFallBackToTheDefaultRoot() {
        DataSpec spec = new DataSpec(Map.of("ade150", "data/ade", "default", "/datasets"), Map.of("voc20", "lists/v.json"),
                "classnames", 7, 64);
        DataLocations where = DataLocations.fromSpec(spec, Path.of("/work"));
        assertThat(where.root("ade150")).contains(Path.of("/work/data/ade"));
        assertThat(where.root("pc59")).contains(Path.of("/datasets"));
        assertThat(where.classList("voc20", "voc20.json")).isEqualTo(Path.of("/work/lists/v.json"));
        assertThat(where.classList("pc59", "pc59.json")).isEqualTo(Path.of("/work/classnames/pc59.json"));
        assertThat(where.shapesworldSeed()).isEqualTo(7);
        assertThat(where.shapesworldSize()).isEqualTo(64);
    }

    @Test
    void validatorRejectsUnknownTrainingSetAndBenchmarkBeforeAnythingRuns() {
        BenchmarkNamesValidator validator = new BenchmarkNamesValidator(
                BenchmarkId.namesWithRole(BenchmarkId.Role.TRAINING), BenchmarkId.namesWithRole(BenchmarkId.Role.EVALUATION));
        validator.validate(RunConfig.DEFAULTS);

        RunConfig badEval = new RunConfig(null, null, null,
                new EvalSpec(List.of("ade150", "pc-59"), EvalMode.SLIDING, 0, 0), 0, null);
        assertThatThrownBy(() -> validator.validate(badEval))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("eval.benchmarks")
                .hasMessageContaining("'pc-59'")
                .hasMessageContaining("did you mean 'pc59'");

        // a training set is not an evaluation benchmark
        RunConfig trainAsEval = new RunConfig(null, null, null,
                new EvalSpec(List.of("coco-stuff-train"), EvalMode.SLIDING, 0, 0), 0, null);
        assertThatThrownBy(() -> validator.validate(trainAsEval)).hasMessageContaining("unknown evaluation benchmark");
    }
}
