package org.escnet.application.services.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table as a LaTeX {@code table} environment with booktabs rules, ready to paste into a paper: best values in
 * textbf, second best underlined, mean $\pm$ std where a row has several seeds and the spread does not print as zero,
 * deltas to the baseline in small type. Needs only the booktabs package.
 */
public final class LatexTableWriter {
    private LatexTableWriter() {
    }

    public static String write(AblationTable table) {
        int columns = table.parameterColumns().size() + table.metricColumns().size() + (table.seedsAggregated() ? 1 : 0);
        StringBuilder out = new StringBuilder();
        out.append("% Requires \\usepackage{booktabs}. Bold: best, underlined: second best");
        if (table.seedsAggregated()) {
            out.append("; mean $\\pm$ sample std over n seeds");
        }
        if (table.hasBaseline()) {
            out.append("; (+x) = difference to the baseline row (").append(comment(table.baselineLabel())).append(")");
        }
        out.append(".\n");
        if (table.truncated()) {
            out.append("% Built from the first ").append(table.runsLoaded()).append(" of ").append(table.runsTotal())
                    .append(" runs.\n");
        }
        out.append("\\begin{table}[t]\n  \\centering\n");
        out.append("  \\caption{").append(escape(table.title())).append("}\n");
        out.append("  \\label{tab:").append(label(table.title())).append("}\n");
        out.append("  \\begin{tabular}{");
        out.append("l".repeat(table.parameterColumns().size()));
        if (table.seedsAggregated()) {
            out.append('c');
        }
        out.append("c".repeat(table.metricColumns().size()));
        if (columns == 0) {
            out.append('l');
        }
        out.append("}\n    \\toprule\n");

        List<String> header = new ArrayList<>();
        table.parameterColumns().forEach(k -> header.add(escape(table.header(k))));
        if (table.seedsAggregated()) {
            header.add("$n$");
        }
        table.metricColumns().forEach(c -> header.add(escape(c.label())));
        out.append("    ").append(String.join(" & ", header)).append(" \\\\\n    \\midrule\n");

        boolean firstGroup = true;
        for (AblationTable.RowGroup group : table.groups()) {
            if (group.value() != null) {
                if (!firstGroup) {
                    out.append("    \\midrule\n");
                }
                out.append("    \\multicolumn{").append(Math.max(columns, 1)).append("}{l}{\\textit{")
                        .append(escape(table.header(table.options().groupBy()))).append(" = ")
                        .append(escape(group.value())).append("}} \\\\\n");
            }
            firstGroup = false;
            for (TableRow row : group.rows()) {
                List<String> cells = new ArrayList<>();
                for (String k : table.parameterColumns()) {
                    String v = row.parameter(k);
                    cells.add(v == null ? "--" : escape(v));
                }
                if (table.seedsAggregated()) {
                    cells.add(Integer.toString(row.runIds().size()));
                }
                for (MetricColumn column : table.metricColumns()) {
                    cells.add(cell(row, column));
                }
                out.append("    ").append(String.join(" & ", cells)).append(" \\\\");
                if (row.baseline()) {
                    out.append(" % baseline");
                }
                out.append('\n');
            }
        }
        out.append("    \\bottomrule\n  \\end{tabular}\n\\end{table}\n");
        return out.toString();
    }

    private static String cell(TableRow row, MetricColumn column) {
        Aggregate a = row.value(column.key());
        if (a == null) {
            return "--";
        }
        String number = PrintedNumbers.format(a.mean(), column);
        String marked = switch (row.mark(column.key())) {
            case BEST -> "\\textbf{" + number + "}";
            case SECOND -> "\\underline{" + number + "}";
            case NONE -> number;
        };
        StringBuilder out = new StringBuilder(marked);
        String spread = PrintedNumbers.spread(a, column);
        if (spread != null) {
            out.append("$\\pm$").append(spread);
        }
        if (a.count() < row.runIds().size()) {
            out.append("\\textsuperscript{n=").append(a.count()).append('}');
        }
        Delta d = row.delta(column.key());
        if (d != null) {
            out.append(" {\\scriptsize(").append(PrintedNumbers.signed(d.value(), column.decimals())).append(")}");
        }
        return out.toString();
    }

    /** Escapes the ten characters LaTeX treats specially in text. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String comment(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /** A \label key: letters, digits and dashes only, so it never needs escaping. */
    private static String label(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "ablation" : slug;
    }
}
