package org.escnet.application.services.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.escnet.application.ports.out.Page;
import org.escnet.application.ports.out.PageRequest;
import org.escnet.application.ports.out.RunQueries.CellResult;
import org.junit.jupiter.api.Test;

class CellResultLoaderTest {
    /** A grid of {@code n} runs on ade150; from run 8 on, pc59 is evaluated too. Records every request. */
    private static final class FakeGrid implements CellResultLoader.Source {
        final int n;
        final List<String> requests = new ArrayList<>();

        FakeGrid(int n) {
            this.n = n;
        }

        @Override
        public Page<CellResult> cellResults(long gridId, List<String> prefixes, PageRequest page) {
            requests.add(page.page() + ":" + page.size() + ":" + prefixes);
            List<CellResult> items = new ArrayList<>();
            for (long id = page.offset() + 1; id <= Math.min(n, page.offset() + page.size()); id++) {
                Map<String, String> params = new TreeMap<>();
                params.put("eval.benchmarks", id >= 8 ? "[\"ade150\",\"pc59\"]" : "[\"ade150\"]");
                items.add(new CellResult(id, "k" + id, "", Map.of(), params, 0, "QUEUED", Map.of()));
            }
            return new Page<>(items, page.page(), page.size(), n);
        }
    }

    @Test
    void loadsEveryPageOfASmallGridAskingOnlyForTableMetrics() {
        FakeGrid grid = new FakeGrid(10);
        CellResultLoader.Loaded loaded = new CellResultLoader(grid, 100, 4).load(7);

        assertThat(loaded.cells()).extracting(CellResult::runId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(loaded.truncated()).isFalse();
        // Page 0 is fetched again once ade150 is known, page 1 (runs 5-8) again once run 8 reveals pc59.
        assertThat(grid.requests).containsExactly(
                "0:4:[cost/]", "0:4:[cost/, eval/ade150/mIoU]",
                "1:4:[cost/, eval/ade150/mIoU]", "1:4:[cost/, eval/ade150/mIoU, eval/pc59/mIoU]",
                "2:4:[cost/, eval/ade150/mIoU, eval/pc59/mIoU]");
    }

    @Test
    void stopsAtTheCapAndSaysHowManyRunsThereAre() {
        FakeGrid grid = new FakeGrid(5000);
        CellResultLoader.Loaded loaded = new CellResultLoader(grid, 7, 4).load(7);

        assertThat(loaded.cells()).hasSize(7);
        assertThat(loaded.total()).isEqualTo(5000);
        assertThat(loaded.truncated()).isTrue();
        assertThat(grid.requests).hasSize(4);
    }
}
