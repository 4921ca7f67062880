package org.escnet.application.services.table;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as a table prints them. Marks, ties and delta tones are decided on these printed values, so two cells that
 * read the same are treated the same.
 */
public final class PrintedNumbers {
    private PrintedNumbers() {
    }

    /** The value in the column's units, rounded half-up to the column's decimals. */
    public static BigDecimal rounded(double raw, MetricColumn column) {
        // Decimal arithmetic, so 1.5e6 parameters × 1e-6 is exactly 1.50 and never 1.4999….
        return BigDecimal.valueOf(raw).multiply(BigDecimal.valueOf(column.scale()))
                .setScale(column.decimals(), RoundingMode.HALF_UP);
    }

    /**
     * The spread printed after a mean, or null when there is none to show: a single value, or a spread that prints as
     * zero (identical costs over seeds read better as one number).
     */
    public static String spread(Aggregate a, MetricColumn column) {
        if (a.count() < 2 || rounded(a.std(), column).signum() == 0) {
            return null;
        }
        return format(a.std(), column);
    }

    /** "12.3": the value in the column's units with its decimals, '.' as the decimal point whatever the locale. */
    public static String format(double raw, MetricColumn column) {
        BigDecimal r = rounded(raw, column);
        return r.signum() == 0 ? r.abs().toPlainString() : r.toPlainString();
    }

    /** "+1.2", "-0.4" or "0.0": a delta already in the column's units. */
    public static String signed(double scaledDelta, int decimals) {
        BigDecimal r = BigDecimal.valueOf(scaledDelta).setScale(decimals, RoundingMode.HALF_UP);
        if (r.signum() == 0) {
            return r.abs().toPlainString();
        }
        return (r.signum() > 0 ? "+" : "") + r.toPlainString();
    }

    /** Full precision without exponent notation, for CSV. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
