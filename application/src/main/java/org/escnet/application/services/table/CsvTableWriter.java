package org.escnet.application.services.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The table as CSV (RFC 4180) for spreadsheets and scripts: full-precision numbers, no typesetting. Columns: the
 * differing parameters by full key, {@code runs}, {@code seeds}, then per metric key its mean, {@code std}, {@code n},
 * and {@code delta} when a baseline is chosen; then {@code mark} columns ({@code best}, {@code second} or empty).
 */
public final class CsvTableWriter {
    private CsvTableWriter() {
    }

    public static String write(AblationTable table) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(table.parameterColumns());
        header.add("runs");
        header.add("seeds");
        for (MetricColumn c : table.metricColumns()) {
            header.add(c.key());
            header.add(c.key() + " std");
            header.add(c.key() + " n");
            if (table.hasBaseline()) {
                header.add(c.key() + " delta");
            }
            header.add(c.key() + " mark");
        }
        header.add("baseline");
        line(out, header);
        for (TableRow row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (String k : table.parameterColumns()) {
                String v = row.parameter(k);
                cells.add(v == null ? "" : v);
            }
            cells.add(join(row.runIds()));
            cells.add(join(row.seeds()));
            for (MetricColumn c : table.metricColumns()) {
                Aggregate a = row.value(c.key());
                cells.add(a == null ? "" : PrintedNumbers.plain(a.mean()));
                cells.add(a == null ? "" : PrintedNumbers.plain(a.std()));
                cells.add(a == null ? "0" : Integer.toString(a.count()));
                if (table.hasBaseline()) {
                    Delta d = row.delta(c.key());
                    cells.add(d == null ? "" : PrintedNumbers.plain(d.value()));
                }
                cells.add(switch (row.mark(c.key())) {
                    case BEST -> "best";
                    case SECOND -> "second";
                    case NONE -> "";
                });
            }
            cells.add(row.baseline() ? "yes" : "");
            line(out, cells);
        }
        return out.toString();
    }

    private static String join(List<Long> values) {
        StringBuilder out = new StringBuilder();
        values.forEach(v -> out.append(out.length() == 0 ? "" : " ").append(v));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * Quotes a field when it holds a comma, quote or line break; text starting with {@code = + - @} that is not a
     * number gets a leading apostrophe so spreadsheets do not run it as a formula.
     */
    static String quote(String field) {
        String safe = field;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 && !isNumber(safe)) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
