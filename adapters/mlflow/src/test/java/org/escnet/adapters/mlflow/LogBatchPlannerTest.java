package org.escnet.adapters.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.escnet.application.ports.out.OutboxEntry;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.RunTag;

class LogBatchPlannerTest {
    private final LogBatchPlanner planner = new LogBatchPlanner();

    @Test
    void splits2500MetricPointsIntoThreeRequests() {
        Entries entries = new Entries("grid", 1, 10);
        List<LogBatch> batches = planner.plan(List.of(entries.metrics(7, "train/loss", 0, 2500)));
        // One entity per request is kept for the delivered-through tag: 999 + 999 + 502.
        assertThat(batches).extracting(b -> b.metrics().size()).containsExactly(999, 999, 502);
        assertThat(batches).allSatisfy(b -> assertThat(b.metrics().size() + b.params().size() + b.tags().size())
                .isLessThanOrEqualTo(1000));
        assertThat(batches).extracting(LogBatch::entriesCompleted).containsExactly(0, 0, 1);
        assertThat(batches.get(2).tags()).extracting(RunTag::getKey, RunTag::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("escnet.outbox_id", "10"));
        assertThat(batches.get(0).tags()).isEmpty();
        // Order is kept across requests: steps 0..2499.
        List<Long> steps = batches.stream().flatMap(b -> b.metrics().stream()).map(m -> m.getStep()).toList();
        assertThat(steps).hasSize(2500).isSorted().startsWith(0L).endsWith(2499L);
    }

    @Test
    void splits250ParamsIntoRequestsOfAtMost100() {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < 250; i++) {
            params.put("p" + i, Integer.toString(i));
        }
        List<LogBatch> batches = planner.plan(List.of(new Entries("g", 1, 1).params(3, params)));
        assertThat(batches).extracting(b -> b.params().size()).containsExactly(100, 100, 50);
    }

    @Test
    void coalescesConsecutiveEntriesIntoOneRequest() {
        Entries entries = new Entries("g", 1, 100);
        List<OutboxEntry> group = new ArrayList<>();
        group.add(entries.params(5, Map.of("lr", "0.0001")));
        for (int i = 0; i < 10; i++) {
            group.add(entries.metrics(5, "train/loss", i * 10, 10));
        }
        group.add(entries.event(5, "checkpoint", "saved step 100"));
        List<LogBatch> batches = planner.plan(group);
        assertThat(batches).hasSize(1);
        LogBatch only = batches.get(0);
        assertThat(only.metrics()).hasSize(100);
        assertThat(only.params()).hasSize(1);
        assertThat(only.entriesCompleted()).isEqualTo(12);
        assertThat(only.tags()).extracting(RunTag::getKey)
                .containsExactly("escnet.event.000000000111", "escnet.outbox_id");
        assertThat(only.tags().get(0).getValue()).contains("[checkpoint] saved step 100");
        assertThat(only.tags().get(1).getValue()).isEqualTo("111");
    }

    @Test
    void everyRequestCompletesAPrefixOfTheEntries() {
        Entries entries = new Entries("g", 1, 1);
        // 600 + 600 + 600 points: the first request holds 999 points, completing entry 1 only.
        List<OutboxEntry> group = List.of(entries.metrics(1, "a", 0, 600), entries.metrics(1, "b", 0, 600),
                entries.metrics(1, "c", 0, 600));
        List<LogBatch> batches = planner.plan(group);
        assertThat(batches).extracting(b -> b.metrics().size()).containsExactly(999, 801);
        assertThat(batches).extracting(LogBatch::entriesCompleted).containsExactly(1, 3);
        assertThat(batches.get(0).tags()).extracting(RunTag::getValue).containsExactly("1");
        assertThat(batches.get(1).tags()).extracting(RunTag::getValue).containsExactly("3");
    }

    @Test
    void keepsLargeValuesUnderTheRequestSizeBudget() {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            params.put("long" + i, "v".repeat(6000));
        }
        Entries entries = new Entries("g", 1, 1);
        List<OutboxEntry> group = new ArrayList<>();
        group.add(entries.params(1, params));
        for (int i = 0; i < 99; i++) {
            group.add(entries.event(1, "info", "e".repeat(5000)));
        }
        List<LogBatch> batches = planner.plan(group);
        // By hand: params take 590 key chars + 100 x 6000 value chars + 100 x 80 overhead = 608,590 chars; an event
        // tag takes 25 + 5000 (cut to the tag limit) + 80 = 5,105; (900,000 - 608,590) / 5,105 = 57.08, so 57 events
        // fit the first request, 42 go to the second; each request also carries the delivered-through tag.
        assertThat(batches).extracting(b -> b.params().size()).containsExactly(100, 0);
        assertThat(batches).extracting(b -> b.tags().size()).containsExactly(58, 43);
        assertThat(batches).extracting(LogBatch::entriesCompleted).containsExactly(58, 100);
    }

    @Test
    void theSameParamTwiceWithTheSameValueIsSentOnce() {
        Entries entries = new Entries("g", 1, 1);
        List<LogBatch> batches = planner.plan(List.of(entries.params(1, Map.of("lr", "0.1")),
                entries.params(1, Map.of("lr", "0.1"))));
        assertThat(batches.get(0).params()).hasSize(1);
    }

    @Test
    void theSameParamWithTwoValuesIsRefusedWithBothValues() {
        Entries entries = new Entries("g", 1, 1);
        assertThatThrownBy(() -> planner.plan(List.of(entries.params(1, Map.of("lr", "0.1")),
                entries.params(1, Map.of("lr", "0.2")))))
                .hasMessageContaining("'lr'").hasMessageContaining("'0.1' then '0.2'");
    }

    @Test
    void emptyEntriesStillCountAsDelivered() {
        Entries entries = new Entries("g", 1, 40);
        List<LogBatch> batches = planner.plan(List.of(entries.params(1, Map.of())));
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).entriesCompleted()).isEqualTo(1);
        assertThat(batches.get(0).tags()).extracting(RunTag::getValue).containsExactly("40");
    }
}
