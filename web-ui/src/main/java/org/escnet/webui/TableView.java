package org.escnet.webui;

import java.util.ArrayList;
import java.util.List;
import org.escnet.application.services.table.AblationTable;
import org.escnet.application.services.table.Aggregate;
import org.escnet.application.services.table.Delta;
import org.escnet.application.services.table.MetricColumn;
import org.escnet.application.services.table.PrintedNumbers;
import org.escnet.application.services.table.TableRow;

/**
 * An ablation table ready for the grid page template: one page of rows, every cell already formatted, marks and delta
 * tones as CSS class names. Marks are also real markup ({@code <strong>}, {@code <u>}) so the table reads the same
 * without styles.
 */
public record TableView(AblationTable table, TableQuery query, List<Header> headers, List<Group> groups, int page,
                        int pages, int rowsShown, List<Choice> baselineChoices, List<Choice> groupChoices) {

    static final int ROWS_PER_PAGE = 100;

    public record Header(String label, String title, String sortLink, String ariaSort, boolean numeric) {
    }

    public record Group(String heading, List<Row> rows) {
    }

    public record Row(String key, String label, List<String> parameters, String seeds, List<Cell> cells, boolean baseline,
                      List<Long> runIds, String status) {
    }

    /**
     * @param mark      {@code best}, {@code second} or empty
     * @param tone      {@code better}, {@code worse}, {@code same} or empty
     */
    public record Cell(String value, String spread, String count, String mark, String delta, String tone) {
        public boolean missing() {
            return value.isEmpty();
        }

        public boolean best() {
            return mark.equals("best");
        }

        public boolean second() {
            return mark.equals("second");
        }
    }

    public record Choice(String value, String label, boolean selected) {
    }

    static TableView of(AblationTable table, TableQuery query) {
        List<Header> headers = new ArrayList<>();
        for (String key : table.parameterColumns()) {
            headers.add(new Header(table.header(key), key, query.sortLink(key, false), query.ariaSort(key), false));
        }
        if (table.seedsAggregated()) {
            headers.add(new Header("n", "runs (seeds) in the row", null, "none", true));
        }
        for (MetricColumn c : table.metricColumns()) {
            String title = c.key() + (c.higherIsBetter() ? " (higher is better)" : " (lower is better)");
            headers.add(new Header(c.label(), title, query.sortLink(c.key(), c.higherIsBetter()), query.ariaSort(c.key()), true));
        }

        int pages = Math.max(1, (table.rows().size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        int page = Math.min(query.page(), pages - 1);
        int from = page * ROWS_PER_PAGE;
        int to = Math.min(table.rows().size(), from + ROWS_PER_PAGE);
        List<TableRow> visible = table.rows().subList(from, to);

        List<Group> groups = new ArrayList<>();
        String groupKey = table.grouped() ? table.options().groupBy() : null;
        String current = null;
        List<Row> members = null;
        for (TableRow row : visible) {
            String value = groupKey == null ? null : String.valueOf(row.parameter(groupKey));
            if (members == null || (groupKey != null && !value.equals(current))) {
                members = new ArrayList<>();
                groups.add(new Group(groupKey == null ? null : table.header(groupKey) + " = " + value, members));
                current = value;
            }
            members.add(row(table, row));
        }

        List<Choice> baselines = new ArrayList<>();
        baselines.add(new Choice("", "none", !table.hasBaseline()));
        for (TableRow row : table.rows()) {
            baselines.add(new Choice(row.key(), row.label(), row.baseline()));
        }
        List<Choice> groupings = new ArrayList<>();
        groupings.add(new Choice("", "none", !table.grouped()));
        for (String key : table.parameterColumns()) {
            groupings.add(new Choice(key, key, table.grouped() && key.equals(groupKey)));
        }
        return new TableView(table, query, headers, groups, page, pages, visible.size(), baselines, groupings);
    }

    private static Row row(AblationTable table, TableRow row) {
        List<String> params = new ArrayList<>();
        for (String key : table.parameterColumns()) {
            String v = row.parameter(key);
            params.add(v == null ? "–" : v);
        }
        List<Cell> cells = new ArrayList<>();
        for (MetricColumn c : table.metricColumns()) {
            Aggregate a = row.value(c.key());
            if (a == null) {
                cells.add(new Cell("", "", "", "", "", ""));
                continue;
            }
            String spread = PrintedNumbers.spread(a, c);
            String count = a.count() < row.runIds().size() ? "n=" + a.count() : "";
            String mark = switch (row.mark(c.key())) {
                case BEST -> "best";
                case SECOND -> "second";
                case NONE -> "";
            };
            Delta d = row.delta(c.key());
            String delta = d == null ? "" : PrintedNumbers.signed(d.value(), c.decimals());
            String tone = d == null ? "" : d.tone().name().toLowerCase(java.util.Locale.ROOT);
            cells.add(new Cell(PrintedNumbers.format(a.mean(), c), spread == null ? "" : spread, count, mark, delta, tone));
        }
        String seeds = Integer.toString(row.runIds().size());
        return new Row(row.key(), row.label(), params, seeds, cells, row.baseline(), row.runIds(), row.statusSummary());
    }

    public int pageShown() {
        return page + 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }

    public String previousLink() {
        return query.pageLink(page - 1);
    }

    public String nextLink() {
        return query.pageLink(page + 1);
    }

    public int columnCount() {
        return headers.size() + 2;
    }
}
