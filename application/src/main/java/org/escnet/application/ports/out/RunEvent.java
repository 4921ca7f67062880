package org.escnet.application.ports.out;

import java.time.Instant;

/**
 * Something that happened to a run: a status change, a checkpoint, an error (with a stack summary in {@code detail}).
 *
 * @param kind    short machine-readable kind: {@code status}, {@code error}, {@code checkpoint}, {@code info}
 * @param message one line for people
 * @param detail  optional longer text (stack summary), may be null
 */
public record RunEvent(Instant time, String kind, String message, String detail) {
    public static RunEvent of(Instant time, String kind, String message) {
        return new RunEvent(time, kind, message, null);
    }

    /** An error event with the exception's causes and top frames, enough to find the fault without the whole trace. */
    public static RunEvent error(Instant time, String message, Throwable error) {
        StringBuilder detail = new StringBuilder();
        Throwable t = error;
        int depth = 0;
        while (t != null && depth < 5) {
            detail.append(depth == 0 ? "" : "caused by: ").append(t).append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(6, frames.length); i++) {
                detail.append("    at ").append(frames[i]).append('\n');
            }
            t = t.getCause() == t ? null : t.getCause();
            depth++;
        }
        return new RunEvent(time, "error", message, detail.toString());
    }
}
