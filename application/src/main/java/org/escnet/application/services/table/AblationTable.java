package org.escnet.application.services.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ablation table as a paper prints it: the parameters that differ between cells, one column per benchmark mIoU,
 * then the cost columns; best value per column bold, second underlined.
 *
 * @param title            the grid's name
 * @param parameterColumns dotted keys of the parameters that differ between rows, in the grid's axis order
 * @param metricColumns    benchmark columns in the paper's order, then cost columns
 * @param rows             after filtering and sorting (grouped rows are contiguous)
 * @param options          the options the table was built with
 * @param baselineLabel    the label of the baseline row, or null when no (known) baseline was chosen
 * @param rowsBeforeFilter how many rows there were before the filter
 * @param runsTotal        how many runs the grid has
 * @param runsLoaded       how many of them the table was built from (fewer when the load cap was reached)
 */
public record AblationTable(String title, List<String> parameterColumns, List<MetricColumn> metricColumns,
                            List<TableRow> rows, TableOptions options, String baselineLabel, int rowsBeforeFilter,
                            long runsTotal, int runsLoaded) {
    public AblationTable {
        parameterColumns = List.copyOf(parameterColumns);
        metricColumns = List.copyOf(metricColumns);
        rows = List.copyOf(rows);
    }

    /** Some runs were not loaded: the table covers the first {@code runsLoaded} runs only. */
    public boolean truncated() {
        return runsLoaded < runsTotal;
    }

    public boolean seedsAggregated() {
        return options.aggregateSeeds();
    }

    public boolean grouped() {
        return TableOptions.present(options.groupBy()) && parameterColumns.contains(options.groupBy());
    }

    /** A baseline row was chosen and found (it may be filtered out of view; deltas still refer to it). */
    public boolean hasBaseline() {
        return baselineLabel != null;
    }

    /** The header of a parameter column: its last dotted segment, or the full key when that segment is ambiguous. */
    public String header(String parameterKey) {
        return header(parameterKey, parameterColumns);
    }

    static String header(String parameterKey, List<String> allKeys) {
        String shortName = lastSegment(parameterKey);
        long same = allKeys.stream().filter(k -> lastSegment(k).equals(shortName)).count();
        return same > 1 ? parameterKey : shortName;
    }

    static String lastSegment(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    /** Rows split by the grouping parameter's value (one unnamed group when not grouped). */
    public List<RowGroup> groups() {
        if (!grouped()) {
            return List.of(new RowGroup(null, rows));
        }
        Map<String, List<TableRow>> byValue = new LinkedHashMap<>();
        for (TableRow row : rows) {
            String value = row.parameter(options.groupBy());
            byValue.computeIfAbsent(value == null ? "" : value, v -> new ArrayList<>()).add(row);
        }
        List<RowGroup> out = new ArrayList<>();
        byValue.forEach((value, members) -> out.add(new RowGroup(value, members)));
        return out;
    }

    /** Rows of one value of the grouping parameter; {@code value} is null when the table is not grouped. */
    public record RowGroup(String value, List<TableRow> rows) {
        public RowGroup {
            rows = List.copyOf(rows);
        }
    }
}
