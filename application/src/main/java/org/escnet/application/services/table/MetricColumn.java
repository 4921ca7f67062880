package org.escnet.application.services.table;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metric column of an ablation table: which metric key it shows, how a paper labels it, which direction wins and how
 * it prints. Only the summary metrics become columns ({@code eval/<benchmark>/mIoU} and {@code cost/...}); per-class IoU
 * belongs to the run page.
 *
 * @param key       metric key, e.g. {@code eval/ade150/mIoU}
 * @param label     column header, e.g. {@code A-150}
 * @param direction which way is better
 * @param group     benchmark columns come before cost columns
 * @param scale     factor applied before printing (parameters print in millions)
 * @param decimals  digits after the point when printed; ties and marks are decided on the printed value
 */
public record MetricColumn(String key, String label, Direction direction, Group group, double scale, int decimals) {

    public enum Direction {
        HIGHER_IS_BETTER, LOWER_IS_BETTER;

        /** Negative when {@code a} is better than {@code b}: sorts best first. */
        int compareBestFirst(double a, double b) {
            return this == HIGHER_IS_BETTER ? Double.compare(b, a) : Double.compare(a, b);
        }
    }

    public enum Group { BENCHMARK, COST }

    /** The paper's benchmark order (Table 1) and names; other benchmarks follow alphabetically. */
    static final List<String> BENCHMARK_ORDER = List.of("ade847", "pc459", "ade150", "pc59", "voc20", "voc20b");
    private static final Map<String, String> BENCHMARK_LABELS = Map.of("ade847", "A-847", "pc459", "PC-459",
            "ade150", "A-150", "pc59", "PC-59", "voc20", "PAS-20", "voc20b", "PAS-20b");
    private static final List<String> COST_ORDER = List.of("cost/params", "cost/latency_ms", "cost/peak_rss_mb");

    public MetricColumn {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0 to 6, found " + decimals);
        }
    }

    /** The column for a metric key, or empty for keys that are not table columns (per-class IoU, training curves). */
    public static Optional<MetricColumn> forKey(String key) {
        if (key.startsWith("eval/") && key.endsWith("/mIoU")) {
            String benchmark = key.substring("eval/".length(), key.length() - "/mIoU".length());
            if (benchmark.isEmpty() || benchmark.contains("/")) {
                return Optional.empty();
            }
            return Optional.of(new MetricColumn(key, BENCHMARK_LABELS.getOrDefault(benchmark, benchmark),
                    Direction.HIGHER_IS_BETTER, Group.BENCHMARK, 1, 1));
        }
        if (key.startsWith("cost/") && key.length() > "cost/".length()) {
            return Optional.of(switch (key) {
                case "cost/params" -> new MetricColumn(key, "Params (M)", Direction.LOWER_IS_BETTER, Group.COST, 1e-6, 2);
                case "cost/latency_ms" -> new MetricColumn(key, "Latency (ms)", Direction.LOWER_IS_BETTER, Group.COST, 1, 1);
                case "cost/peak_rss_mb" -> new MetricColumn(key, "Peak mem. (MB)", Direction.LOWER_IS_BETTER, Group.COST, 1, 0);
                default -> new MetricColumn(key, key.substring("cost/".length()), Direction.LOWER_IS_BETTER, Group.COST, 1, 2);
            });
        }
        return Optional.empty();
    }

    /** The same column printing with another number of decimals. */
    public MetricColumn withDecimals(int newDecimals) {
        return new MetricColumn(key, label, direction, group, scale, newDecimals);
    }

    /** Benchmarks in the paper's order, then costs in a fixed order, then anything else by key. */
    static int order(MetricColumn a, MetricColumn b) {
        if (a.group != b.group) {
            return a.group.compareTo(b.group);
        }
        List<String> known = a.group == Group.BENCHMARK ? BENCHMARK_ORDER : COST_ORDER;
        String ka = a.group == Group.BENCHMARK ? a.benchmark() : a.key;
        String kb = b.group == Group.BENCHMARK ? b.benchmark() : b.key;
        int ia = known.indexOf(ka);
        int ib = known.indexOf(kb);
        if (ia >= 0 || ib >= 0) {
            return Integer.compare(ia < 0 ? Integer.MAX_VALUE : ia, ib < 0 ? Integer.MAX_VALUE : ib);
        }
        return a.key.compareTo(b.key);
    }

    /** The benchmark name of a benchmark column ({@code ade150}), else empty. */
    public String benchmark() {
        return group == Group.BENCHMARK ? key.substring("eval/".length(), key.length() - "/mIoU".length()) : "";
    }

    public boolean higherIsBetter() {
        return direction == Direction.HIGHER_IS_BETTER;
    }
}
