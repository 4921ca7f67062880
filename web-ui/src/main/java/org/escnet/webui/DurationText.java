package org.escnet.webui;

import java.time.Duration;

/** "2h 05m", "3m 12s", "45s": durations as a progress column shows them. */
final class DurationText {
    private DurationText() {
    }

    static String of(Duration d) {
        if (d == null) {
            return "–";
        }
        long s = Math.max(0, d.getSeconds());
        if (s >= 86400) {
            return (s / 86400) + "d " + String.format("%02dh", (s % 86400) / 3600);
        }
        if (s >= 3600) {
            return (s / 3600) + "h " + String.format("%02dm", (s % 3600) / 60);
        }
        if (s >= 60) {
            return (s / 60) + "m " + String.format("%02ds", s % 60);
        }
        return s + "s";
    }
}
