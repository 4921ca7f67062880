package org.escnet.application.services.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.escnet.application.services.table.Cells.run;

import java.util.List;
import java.util.Map;
import org.escnet.application.ports.out.RunQueries.CellResult;
import org.junit.jupiter.api.Test;

class AblationTableBuilderTest {
    private static final String A150 = "eval/ade150/mIoU";
    private static final String PC59 = "eval/pc59/mIoU";
    private static final String LATENCY = "cost/latency_ms";

    /** Three cells × two seeds. Hand-computed: points 31.0 ± √2, masks 35.5 ± √0.5, points+masks 35.5 ± 0. */
    private static List<CellResult> grid() {
        return List.of(
                run(1, "points", 0, "SUCCEEDED", A150, 30.0, PC59, 50.0, LATENCY, 10.0),
                run(2, "points", 1, "SUCCEEDED", A150, 32.0, LATENCY, 10.0),
                run(3, "masks", 0, "SUCCEEDED", A150, 35.0, PC59, 52.0, LATENCY, 12.0),
                run(4, "masks", 1, "SUCCEEDED", A150, 36.0, PC59, 54.0, LATENCY, 12.0),
                run(5, "points+masks", 0, "SUCCEEDED", A150, 35.5, LATENCY, 12.0),
                run(6, "points+masks", 1, "RUNNING", A150, 35.5, LATENCY, 12.0));
    }

    private static TableRow row(AblationTable table, String prompts) {
        return table.rows().stream().filter(r -> prompts.equals(r.parameter("model.prompts"))).findFirst().orElseThrow();
    }

    @Test
    void aggregatesSeedsIntoMeanSampleStdAndCount() {
        AblationTable table = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS);

        assertThat(table.rows()).hasSize(3);
        Aggregate points = row(table, "points").value(A150);
        assertThat(points.mean()).isEqualTo(31.0);
        assertThat(points.std()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(points.count()).isEqualTo(2);
        Aggregate masks = row(table, "masks").value(A150);
        assertThat(masks.mean()).isEqualTo(35.5);
        assertThat(masks.std()).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(row(table, "points").runIds()).containsExactly(1L, 2L);
        assertThat(row(table, "points").seeds()).containsExactly(0L, 1L);
        assertThat(row(table, "points+masks").statusCounts()).containsExactly(Map.entry("RUNNING", 1L),
                Map.entry("SUCCEEDED", 1L));
        assertThat(row(table, "points+masks").statusSummary()).isEqualTo("1 running, 1 succeeded");
    }

    @Test
    void showsOnlyParametersThatDifferAndSeedOnlyWhenRowsArePerRun() {
        AblationTable aggregated = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS);
        assertThat(aggregated.parameterColumns()).containsExactly("model.prompts");
        assertThat(aggregated.header("model.prompts")).isEqualTo("prompts");

        AblationTable perRun = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS.withAggregateSeeds(false));
        assertThat(perRun.rows()).hasSize(6);
        assertThat(perRun.parameterColumns()).containsExactly("model.prompts", "seed");
        assertThat(perRun.rows().get(0).label()).isEqualTo("prompts=points, seed=0");
    }

    @Test
    void tiedBestValuesShareBoldAndTheNextDistinctValueIsUnderlined() {
        AblationTable table = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS);

        // mIoU: higher wins; 35.5 twice (masks, points+masks), then 31.0.
        assertThat(row(table, "masks").mark(A150)).isEqualTo(Mark.BEST);
        assertThat(row(table, "points+masks").mark(A150)).isEqualTo(Mark.BEST);
        assertThat(row(table, "points").mark(A150)).isEqualTo(Mark.SECOND);
        // Latency: lower wins; 10 (points), then 12 shared by two rows.
        assertThat(row(table, "points").mark(LATENCY)).isEqualTo(Mark.BEST);
        assertThat(row(table, "masks").mark(LATENCY)).isEqualTo(Mark.SECOND);
        assertThat(row(table, "points+masks").mark(LATENCY)).isEqualTo(Mark.SECOND);
    }

    @Test
    void valuesThatPrintTheSameTie() {
        List<CellResult> cells = List.of(run(1, "a", 0, "SUCCEEDED", A150, 40.04),
                run(2, "b", 0, "SUCCEEDED", A150, 39.96), run(3, "c", 0, "SUCCEEDED", A150, 39.0));
        AblationTable table = AblationTableBuilder.build("t", cells, 3, TableOptions.DEFAULTS);
        // 40.04 and 39.96 both print as 40.0.
        assertThat(row(table, "a").mark(A150)).isEqualTo(Mark.BEST);
        assertThat(row(table, "b").mark(A150)).isEqualTo(Mark.BEST);
        assertThat(row(table, "c").mark(A150)).isEqualTo(Mark.SECOND);
    }

    @Test
    void missingValuesAreAbsentUnmarkedAndCountedPerMetric() {
        AblationTable table = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS);

        assertThat(row(table, "points+masks").value(PC59)).isNull();
        assertThat(row(table, "points+masks").mark(PC59)).isEqualTo(Mark.NONE);
        // points has pc59 from seed 0 only.
        assertThat(row(table, "points").value(PC59).count()).isEqualTo(1);
        assertThat(row(table, "points").value(PC59).std()).isZero();
        // pc59: masks 53.0 best, points 50.0 second.
        assertThat(row(table, "masks").mark(PC59)).isEqualTo(Mark.BEST);
        assertThat(row(table, "points").mark(PC59)).isEqualTo(Mark.SECOND);
    }

    @Test
    void deltasAgainstTheBaselineFollowEachColumnsDirection() {
        String pointsKey = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS).rows().get(0).key();
        AblationTable table = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS.withBaseline(pointsKey));

        assertThat(table.baselineLabel()).isEqualTo("prompts=points");
        assertThat(row(table, "points").baseline()).isTrue();
        assertThat(row(table, "points").deltas()).isEmpty();
        Delta miou = row(table, "masks").delta(A150);
        assertThat(miou.value()).isEqualTo(4.5);
        assertThat(miou.tone()).isEqualTo(Delta.Tone.BETTER);
        Delta latency = row(table, "masks").delta(LATENCY);
        assertThat(latency.value()).isEqualTo(2.0);
        assertThat(latency.tone()).isEqualTo(Delta.Tone.WORSE);
        // pc59: 53.0 − 50.0; points+masks has no pc59, so no delta there.
        assertThat(row(table, "masks").delta(PC59).value()).isEqualTo(3.0);
        assertThat(row(table, "points+masks").delta(PC59)).isNull();
    }

    @Test
    void anUnknownBaselineMeansNoDeltas() {
        AblationTable table = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS.withBaseline("cfg-nope"));
        assertThat(table.hasBaseline()).isFalse();
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.deltas()).isEmpty());
    }

    @Test
    void sortsByMetricWithMissingValuesLastInEitherDirection() {
        AblationTable down = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS.withSort(PC59, true));
        assertThat(down.rows()).extracting(r -> r.parameter("model.prompts")).containsExactly("masks", "points", "points+masks");
        AblationTable up = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS.withSort(PC59, false));
        assertThat(up.rows()).extracting(r -> r.parameter("model.prompts")).containsExactly("points", "masks", "points+masks");
    }

    @Test
    void filtersByKeyValueOrTextAndMarksOnlyTheRowsShown() {
        AblationTable exact = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS.withFilter("prompts=points"));
        assertThat(exact.rows()).extracting(TableRow::label).containsExactly("prompts=points");
        assertThat(exact.rowsBeforeFilter()).isEqualTo(3);
        // Alone in view, points is the best of what is shown.
        assertThat(exact.rows().get(0).mark(A150)).isEqualTo(Mark.BEST);

        AblationTable text = AblationTableBuilder.build("t", grid(), 6, TableOptions.DEFAULTS.withFilter("MASKS"));
        assertThat(text.rows()).extracting(TableRow::label).containsExactly("prompts=masks", "prompts=points+masks");
    }

    @Test
    void groupsRowsByAParameterInFirstSeenOrder() {
        List<CellResult> cells = List.of(
                withSamInit(run(1, "points", 0, "SUCCEEDED", A150, 30.0), "none"),
                withSamInit(run(2, "points", 0, "SUCCEEDED", A150, 31.0), "pretrained"),
                withSamInit(run(3, "masks", 0, "SUCCEEDED", A150, 32.0), "none"),
                withSamInit(run(4, "masks", 0, "SUCCEEDED", A150, 33.0), "pretrained"));
        AblationTable table = AblationTableBuilder.build("t", cells, 4, TableOptions.DEFAULTS.withGroupBy("model.sam-init"));

        assertThat(table.grouped()).isTrue();
        assertThat(table.groups()).extracting(AblationTable.RowGroup::value).containsExactly("none", "pretrained");
        assertThat(table.groups().get(0).rows()).extracting(r -> r.parameter("model.prompts")).containsExactly("points", "masks");
        assertThat(table.parameterColumns()).containsExactlyInAnyOrder("model.prompts", "model.sam-init");
    }

    @Test
    void mIoULoggedAsAFractionPrintsWithThreeDecimals() {
        List<CellResult> cells = List.of(run(1, "a", 0, "SUCCEEDED", A150, 0.4321), run(2, "b", 0, "SUCCEEDED", A150, 0.4));
        AblationTable table = AblationTableBuilder.build("t", cells, 2, TableOptions.DEFAULTS);
        assertThat(PrintedNumbers.format(0.4321, table.metricColumns().get(0))).isEqualTo("0.432");
    }

    @Test
    void metricColumnsFollowThePapersBenchmarkOrderThenCostsAndSkipPerClassIoU() {
        CellResult cell = run(1, "a", 0, "SUCCEEDED", "cost/peak_rss_mb", 900, "eval/voc20/mIoU", 90,
                "eval/ade847/mIoU", 10, "eval/ade150/IoU/wall", 70, "cost/params", 1e6, "train/loss", 0.5);
        AblationTable table = AblationTableBuilder.build("t", List.of(cell), 1, TableOptions.DEFAULTS);
        assertThat(table.metricColumns()).extracting(MetricColumn::label)
                .containsExactly("A-847", "PAS-20", "Params (M)", "Peak mem. (MB)");
        assertThat(table.parameterColumns()).isEmpty();
        assertThat(table.rows().get(0).label()).isEqualTo("base");
    }

    private static CellResult withSamInit(CellResult c, String samInit) {
        Map<String, String> params = new java.util.TreeMap<>(c.params());
        params.put("model.sam-init", samInit);
        Map<String, Object> overrides = new java.util.LinkedHashMap<>(c.overrides());
        overrides.put("model.sam-init", samInit);
        return new CellResult(c.runId(), c.cellKey() + samInit, c.cellLabel(), overrides, params, c.seed(), c.status(),
                c.metrics());
    }
}
