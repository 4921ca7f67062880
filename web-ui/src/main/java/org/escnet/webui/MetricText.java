package org.escnet.webui;

import java.math.BigDecimal;
import java.math.MathContext;

/** A metric value for people: five significant digits, no exponent for everyday magnitudes ("2.0E-5" stays short). */
final class MetricText {
    private MetricText() {
    }

    static String of(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros();
        double abs = Math.abs(v);
        return abs != 0 && (abs < 1e-4 || abs >= 1e9) ? rounded.toString() : rounded.toPlainString();
    }
}
