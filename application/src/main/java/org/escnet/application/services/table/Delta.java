package org.escnet.application.services.table;

/**
 * A row's difference to the baseline row in one metric column, in printed units ({@code value} = row − baseline).
 * {@code tone} says whether that is an improvement given the column's direction, judged on the printed value.
 */
public record Delta(double value, Tone tone) {
    public enum Tone { BETTER, WORSE, SAME }
}
