package org.escnet.application.services.table;

import java.util.List;

/**
 * The values of one metric over the runs of a row (its seeds): mean, sample standard deviation (n − 1 in the
 * denominator, 0 for a single value) and how many runs had a value.
 */
public record Aggregate(double mean, double std, int count) {
    public Aggregate {
        if (count < 1) {
            throw new IllegalArgumentException("an aggregate needs at least one value, found " + count);
        }
    }

    /** Aggregates the finite values; null when there are none (the cell prints as missing). */
    public static Aggregate of(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        double mean = sum / n;
        double squares = 0;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new Aggregate(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
    }
}
