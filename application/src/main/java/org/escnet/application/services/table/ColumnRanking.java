package org.escnet.application.services.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Best and second-best marks of one column. Values are compared as printed, so equal printed values tie and share a
 * mark; the second mark goes to the next distinct value (two tied winners do not push the third value out of
 * "second"). Missing values get no mark, and a column with a single distinct value marks it best only.
 */
final class ColumnRanking {
    private ColumnRanking() {
    }

    /** One mark per entry of {@code printed} (null entries are missing values). */
    static List<Mark> rank(List<BigDecimal> printed, MetricColumn.Direction direction) {
        TreeSet<BigDecimal> distinct = new TreeSet<>((a, b) ->
                direction == MetricColumn.Direction.HIGHER_IS_BETTER ? b.compareTo(a) : a.compareTo(b));
        for (BigDecimal v : printed) {
            if (v != null) {
                distinct.add(v);
            }
        }
        BigDecimal best = distinct.isEmpty() ? null : distinct.first();
        BigDecimal second = distinct.size() < 2 ? null : distinct.higher(best);
        List<Mark> out = new ArrayList<>(printed.size());
        for (BigDecimal v : printed) {
            if (v == null) {
                out.add(Mark.NONE);
            } else if (v.compareTo(best) == 0) {
                out.add(Mark.BEST);
            } else if (second != null && v.compareTo(second) == 0) {
                out.add(Mark.SECOND);
            } else {
                out.add(Mark.NONE);
            }
        }
        return out;
    }
}
