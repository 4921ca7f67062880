package org.escnet.application.services.table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.escnet.application.ports.out.RunQueries.CellResult;

/**
 * Builds an {@link AblationTable} from the per-run results of a grid: groups runs into rows (per cell, or per cell over
 * its seeds), keeps the parameters that differ, aggregates the metrics, marks best and second best per column,
 * computes deltas against a baseline, then filters and sorts. Pure computation: the caller loads the results.
 */
public final class AblationTableBuilder {
    static final String SEED = "seed";
    private static final List<String> STATUS_ORDER = List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED");

    private AblationTableBuilder() {
    }

    /**
     * @param title     the grid's name
     * @param cells     one result per run, in submission order
     * @param runsTotal how many runs the grid has (more than {@code cells.size()} when loading was capped)
     */
    public static AblationTable build(String title, List<CellResult> cells, long runsTotal, TableOptions options) {
        List<MetricColumn> columns = metricColumns(cells);

        Map<String, List<CellResult>> byRow = new LinkedHashMap<>();
        Map<String, Map<String, String>> rowParams = new LinkedHashMap<>();
        List<String> declared = new ArrayList<>();
        for (CellResult cell : cells) {
            Map<String, String> params = new TreeMap<>(cell.params());
            if (options.aggregateSeeds()) {
                params.remove(SEED);
            }
            String key = options.aggregateSeeds() ? configKey(params)
                    : cell.cellKey() == null || cell.cellKey().isBlank() ? "run-" + cell.runId() : cell.cellKey();
            byRow.computeIfAbsent(key, k -> new ArrayList<>()).add(cell);
            rowParams.putIfAbsent(key, params);
            for (String k : cell.overrides().keySet()) {
                if (!declared.contains(k)) {
                    declared.add(k);
                }
            }
        }
        // The seed is the replication axis: papers print it after the ablated parameters.
        if (declared.remove(SEED)) {
            declared.add(SEED);
        }
        List<String> differing = rowParams.isEmpty() ? List.of()
                : DifferingParameters.find(new ArrayList<>(rowParams.values()), declared);

        List<TableRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<CellResult>> e : byRow.entrySet()) {
            rows.add(row(e.getKey(), e.getValue(), rowParams.get(e.getKey()), differing, columns));
        }

        TableRow baseline = TableOptions.present(options.baseline())
                ? rows.stream().filter(r -> r.key().equals(options.baseline())).findFirst().orElse(null) : null;
        if (baseline != null) {
            List<TableRow> withDeltas = new ArrayList<>(rows.size());
            for (TableRow row : rows) {
                withDeltas.add(withDeltas(row, baseline, columns));
            }
            rows = withDeltas;
        }

        int before = rows.size();
        List<TableRow> shown = filter(rows, rowParams, options.filter());
        shown = marked(shown, columns);
        shown = sorted(shown, options, differing, columns);
        return new AblationTable(title, differing, columns, shown, options, baseline == null ? null : baseline.label(),
                before, runsTotal, cells.size());
    }

    private static List<MetricColumn> metricColumns(List<CellResult> cells) {
        Map<String, MetricColumn> byKey = new TreeMap<>();
        for (CellResult cell : cells) {
            for (String key : cell.metrics().keySet()) {
                if (!byKey.containsKey(key)) {
                    MetricColumn.forKey(key).ifPresent(c -> byKey.put(key, c));
                }
            }
        }
        List<MetricColumn> out = new ArrayList<>();
        for (MetricColumn column : byKey.values()) {
            out.add(column.group() == MetricColumn.Group.BENCHMARK && allFractions(cells, column.key())
                    ? column.withDecimals(3) : column);
        }
        out.sort(MetricColumn::order);
        return out;
    }

    /** mIoU is reported ×100; a column whose values all lie in [0, 1] was logged as a fraction and needs more digits. */
    private static boolean allFractions(List<CellResult> cells, String key) {
        for (CellResult cell : cells) {
            Double v = cell.metrics().get(key);
            if (v != null && Double.isFinite(v) && Math.abs(v) > 1) {
                return false;
            }
        }
        return true;
    }

    private static TableRow row(String key, List<CellResult> runs, Map<String, String> params, List<String> differing,
                                List<MetricColumn> columns) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String k : differing) {
            shown.put(k, params.get(k));
        }
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (String status : STATUS_ORDER) {
            long n = runs.stream().filter(r -> status.equalsIgnoreCase(r.status())).count();
            if (n > 0) {
                statuses.put(status, n);
            }
        }
        runs.stream().map(CellResult::status).filter(s -> s != null && !STATUS_ORDER.contains(s.toUpperCase(Locale.ROOT)))
                .forEach(s -> statuses.merge(s.toUpperCase(Locale.ROOT), 1L, Long::sum));
        Map<String, Aggregate> values = new LinkedHashMap<>();
        for (MetricColumn column : columns) {
            List<Double> seen = new ArrayList<>();
            for (CellResult run : runs) {
                seen.add(run.metrics().get(column.key()));
            }
            Aggregate a = Aggregate.of(seen);
            if (a != null) {
                values.put(column.key(), a);
            }
        }
        return new TableRow(key, label(shown, differing), shown, runs.stream().map(CellResult::runId).toList(),
                runs.stream().map(CellResult::seed).toList(), statuses, values, Map.of(), Map.of(), false);
    }

    private static String label(Map<String, String> shown, List<String> differing) {
        if (shown.isEmpty()) {
            return "base";
        }
        StringBuilder out = new StringBuilder();
        shown.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(AblationTable.header(k, differing)).append('=')
                .append(v == null ? "–" : v));
        return out.toString();
    }

    private static TableRow withDeltas(TableRow row, TableRow baseline, List<MetricColumn> columns) {
        boolean isBaseline = row.key().equals(baseline.key());
        Map<String, Delta> deltas = new LinkedHashMap<>();
        if (!isBaseline) {
            for (MetricColumn column : columns) {
                Aggregate mine = row.value(column.key());
                Aggregate theirs = baseline.value(column.key());
                if (mine == null || theirs == null) {
                    continue;
                }
                BigDecimal difference = PrintedNumbers.rounded(mine.mean(), column)
                        .subtract(PrintedNumbers.rounded(theirs.mean(), column));
                Delta.Tone tone = difference.signum() == 0 ? Delta.Tone.SAME
                        : (difference.signum() > 0) == column.higherIsBetter() ? Delta.Tone.BETTER : Delta.Tone.WORSE;
                deltas.put(column.key(), new Delta(difference.doubleValue(), tone));
            }
        }
        return new TableRow(row.key(), row.label(), row.parameters(), row.runIds(), row.seeds(), row.statusCounts(),
                row.values(), row.marks(), deltas, isBaseline);
    }

    private static List<TableRow> filter(List<TableRow> rows, Map<String, Map<String, String>> params, String filter) {
        if (!TableOptions.present(filter)) {
            return rows;
        }
        String[] terms = filter.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<TableRow> out = new ArrayList<>();
        for (TableRow row : rows) {
            boolean all = true;
            for (String term : terms) {
                all &= matches(row, params.get(row.key()), term);
            }
            if (all) {
                out.add(row);
            }
        }
        return out;
    }

    private static boolean matches(TableRow row, Map<String, String> params, String term) {
        int eq = term.indexOf('=');
        if (eq > 0) {
            String key = term.substring(0, eq);
            String value = term.substring(eq + 1);
            for (Map.Entry<String, String> p : params.entrySet()) {
                String k = p.getKey().toLowerCase(Locale.ROOT);
                if ((k.equals(key) || AblationTable.lastSegment(k).equals(key))
                        && value.equals(String.valueOf(p.getValue()).toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        return row.label().toLowerCase(Locale.ROOT).contains(term);
    }

    private static List<TableRow> marked(List<TableRow> rows, List<MetricColumn> columns) {
        List<Map<String, Mark>> marks = new ArrayList<>();
        rows.forEach(r -> marks.add(new LinkedHashMap<>()));
        for (MetricColumn column : columns) {
            List<BigDecimal> printed = new ArrayList<>();
            for (TableRow row : rows) {
                Aggregate a = row.value(column.key());
                printed.add(a == null ? null : PrintedNumbers.rounded(a.mean(), column));
            }
            List<Mark> ranked = ColumnRanking.rank(printed, column.direction());
            for (int i = 0; i < rows.size(); i++) {
                if (ranked.get(i) != Mark.NONE) {
                    marks.get(i).put(column.key(), ranked.get(i));
                }
            }
        }
        List<TableRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TableRow r = rows.get(i);
            out.add(new TableRow(r.key(), r.label(), r.parameters(), r.runIds(), r.seeds(), r.statusCounts(), r.values(),
                    marks.get(i), r.deltas(), r.baseline()));
        }
        return out;
    }

    private static List<TableRow> sorted(List<TableRow> rows, TableOptions options, List<String> differing,
                                         List<MetricColumn> columns) {
        List<TableRow> out = new ArrayList<>(rows);
        String by = options.sortBy();
        if (TableOptions.present(by)) {
            Optional<MetricColumn> metric = columns.stream().filter(c -> c.key().equals(by)).findFirst();
            Comparator<TableRow> order = null;
            if (metric.isPresent()) {
                order = nullsLast(r -> r.value(by) == null ? null : r.value(by).mean(), Double::compare, options.descending());
            } else if (differing.contains(by)) {
                order = nullsLast(r -> r.parameter(by), NaturalOrder::compare, options.descending());
            } else if (by.equals("label")) {
                order = nullsLast(TableRow::label, NaturalOrder::compare, options.descending());
            }
            if (order != null) {
                out.sort(order);
            }
        }
        String group = options.groupBy();
        if (TableOptions.present(group) && differing.contains(group)) {
            // Groups keep the order in which their values first appear (the grid's axis order); rows within keep theirs.
            List<String> firstSeen = new ArrayList<>(new LinkedHashSet<>(rows.stream()
                    .map(r -> String.valueOf(r.parameter(group))).toList()));
            out.sort(Comparator.comparingInt(r -> firstSeen.indexOf(String.valueOf(r.parameter(group)))));
        }
        return out;
    }

    /** Missing values sort last in either direction. */
    private static <T> Comparator<TableRow> nullsLast(java.util.function.Function<TableRow, T> value,
                                                      Comparator<T> order, boolean descending) {
        Comparator<T> directed = descending ? order.reversed() : order;
        return (a, b) -> {
            T va = value.apply(a);
            T vb = value.apply(b);
            if (va == null || vb == null) {
                return va == null ? (vb == null ? 0 : 1) : -1;
            }
            return directed.compare(va, vb);
        };
    }

    /** A short stable id for a configuration without its seed: the row key when seeds are aggregated. */
    static String configKey(Map<String, String> sortedParams) {
        StringBuilder text = new StringBuilder();
        sortedParams.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "cfg-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
