package org.escnet.application.services.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escnet.application.ports.out.Page;
import org.escnet.application.ports.out.PageRequest;
import org.escnet.application.ports.out.RunQueries.CellResult;

/**
 * Loads the per-run results of a grid page by page, up to a cap, asking only for the metrics a table shows
 * ({@code cost/...} and {@code eval/<benchmark>/mIoU}): per-class IoU (hundreds of keys per run on A-847) never leaves
 * the database. Benchmarks are read from each run's {@code eval.benchmarks}; a page that reveals a new benchmark is
 * fetched again with it.
 */
public final class CellResultLoader {
    /** Where results come from: {@code BrowseRuns::cellResults} fits. */
    @FunctionalInterface
    public interface Source {
        Page<CellResult> cellResults(long gridId, List<String> metricPrefixes, PageRequest page);
    }

    /** The loaded runs, how many the grid has, and whether the cap stopped loading early. */
    public record Loaded(List<CellResult> cells, long total) {
        public Loaded {
            cells = List.copyOf(cells);
        }

        public boolean truncated() {
            return cells.size() < total;
        }
    }

    static final String BENCHMARKS_PARAM = "eval.benchmarks";
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Source source;
    private final int maxRuns;
    private final int pageSize;

    public CellResultLoader(Source source, int maxRuns, int pageSize) {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("the run cap must be at least 1, found " + maxRuns);
        }
        if (pageSize < 1 || pageSize > PageRequest.MAX_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + PageRequest.MAX_SIZE + ", found " + pageSize);
        }
        this.source = source;
        this.maxRuns = maxRuns;
        this.pageSize = pageSize;
    }

    public int maxRuns() {
        return maxRuns;
    }

    public Loaded load(long gridId) {
        Set<String> benchmarks = new LinkedHashSet<>();
        List<CellResult> out = new ArrayList<>();
        long total = 0;
        for (int page = 0; out.size() < maxRuns; page++) {
            // Fixed-size pages keep offsets aligned; the last page may bring a few rows past the cap, dropped below.
            PageRequest request = new PageRequest(page, pageSize);
            Page<CellResult> result = source.cellResults(gridId, prefixes(benchmarks), request);
            if (benchmarks.addAll(benchmarksOf(result.items()))) {
                result = source.cellResults(gridId, prefixes(benchmarks), request);
            }
            total = result.total();
            for (CellResult cell : result.items()) {
                if (out.size() < maxRuns) {
                    out.add(cell);
                }
            }
            if (result.items().size() < request.size() || (long) (page + 1) * pageSize >= total) {
                break;
            }
        }
        return new Loaded(out, total);
    }

    static List<String> prefixes(Set<String> benchmarks) {
        List<String> out = new ArrayList<>();
        out.add("cost/");
        benchmarks.forEach(b -> out.add("eval/" + b + "/mIoU"));
        return out;
    }

    /** Benchmark names from the runs' flattened {@code eval.benchmarks} (canonical JSON: ["ade150","pc59"]). */
    static Set<String> benchmarksOf(List<CellResult> cells) {
        Set<String> out = new LinkedHashSet<>();
        for (CellResult cell : cells) {
            String list = cell.params().get(BENCHMARKS_PARAM);
            if (list == null) {
                continue;
            }
            Matcher m = QUOTED.matcher(list);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
