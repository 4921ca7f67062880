package org.escnet.application.services.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The table as a GitHub-flavoured Markdown pipe table: best values {@code **bold**}, second best {@code <u>underlined</u>}
 * (Markdown has no underline), mean ± std, deltas in parentheses. Grouped tables get one bold group row per value.
 */
public final class MarkdownTableWriter {
    private MarkdownTableWriter() {
    }

    public static String write(AblationTable table) {
        StringBuilder out = new StringBuilder();
        out.append("**").append(escape(table.title())).append("**");
        out.append(" (bold: best, <u>underlined</u>: second best");
        if (table.seedsAggregated()) {
            out.append("; mean ± sample std over n seeds");
        }
        if (table.hasBaseline()) {
            out.append("; (±x): difference to the baseline ").append(escape(table.baselineLabel()));
        }
        out.append(")\n");
        if (table.truncated()) {
            out.append("\nBuilt from the first ").append(table.runsLoaded()).append(" of ").append(table.runsTotal())
                    .append(" runs.\n");
        }
        out.append('\n');
        List<String> header = new ArrayList<>();
        List<String> align = new ArrayList<>();
        table.parameterColumns().forEach(k -> {
            header.add(escape(table.header(k)));
            align.add("---");
        });
        if (table.seedsAggregated()) {
            header.add("n");
            align.add("---:");
        }
        table.metricColumns().forEach(c -> {
            header.add(escape(c.label()));
            align.add("---:");
        });
        if (header.isEmpty()) {
            header.add("cell");
            align.add("---");
        }
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append(String.join("|", align)).append("|\n");
        for (AblationTable.RowGroup group : table.groups()) {
            if (group.value() != null) {
                List<String> groupRow = new ArrayList<>();
                groupRow.add("**" + escape(table.header(table.options().groupBy())) + " = " + escape(group.value()) + "**");
                while (groupRow.size() < header.size()) {
                    groupRow.add("");
                }
                out.append("| ").append(String.join(" | ", groupRow)).append(" |\n");
            }
            for (TableRow row : group.rows()) {
                List<String> cells = new ArrayList<>();
                for (String k : table.parameterColumns()) {
                    String v = row.parameter(k);
                    cells.add(v == null ? "–" : escape(v));
                }
                if (table.seedsAggregated()) {
                    cells.add(Integer.toString(row.runIds().size()));
                }
                for (MetricColumn column : table.metricColumns()) {
                    cells.add(cell(row, column));
                }
                if (cells.isEmpty()) {
                    cells.add(escape(row.label()));
                }
                if (row.baseline() && !cells.isEmpty()) {
                    cells.set(0, cells.get(0) + " (baseline)");
                }
                out.append("| ").append(String.join(" | ", cells)).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String cell(TableRow row, MetricColumn column) {
        Aggregate a = row.value(column.key());
        if (a == null) {
            return "–";
        }
        String number = PrintedNumbers.format(a.mean(), column);
        StringBuilder out = new StringBuilder(switch (row.mark(column.key())) {
            case BEST -> "**" + number + "**";
            case SECOND -> "<u>" + number + "</u>";
            case NONE -> number;
        });
        String spread = PrintedNumbers.spread(a, column);
        if (spread != null) {
            out.append(" ± ").append(spread);
        }
        if (a.count() < row.runIds().size()) {
            out.append(" (n=").append(a.count()).append(')');
        }
        Delta d = row.delta(column.key());
        if (d != null) {
            out.append(" (").append(PrintedNumbers.signed(d.value(), column.decimals())).append(')');
        }
        return out.toString();
    }

    /** Backslash-escapes Markdown's inline syntax and the pipe, and keeps HTML out. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '|', '*', '_', '`', '[', ']', '#' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
