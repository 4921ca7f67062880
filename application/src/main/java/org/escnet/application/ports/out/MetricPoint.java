package org.escnet.application.ports.out;

import java.time.Instant;

/** One value of a metric series: {@code train/loss} at step 120, say. */
public record MetricPoint(String key, long step, double value, Instant time) {
    public MetricPoint {
        if (key == null || key.isBlank() || key.length() > 250) {
            throw new IllegalArgumentException("a metric key is 1 to 250 characters, found '" + key + "'");
        }
    }
}
