package org.escnet.adapters.datasets.shapesworld;

import java.util.ArrayList;
import java.util.List;

/**
 * The 108 ShapesWorld phrases and their compositional seen/unseen split (DATASETS.md §7).
 *
 * <p>A phrase is {@code [pattern] colour shape} with {@code plain} omitted ("red circle", "striped blue triangle").
 * For shape index s the colour with index (s + 2) mod 6 is held out with all three patterns: 18 unseen phrases, 90
 * seen. Lists are ordered shape-major, then colour, then pattern, so a phrase's index in {@link #all()} is
 * {@code (shape · 6 + colour) · 3 + pattern}.
 */
public final class ShapesWorldVocabulary {
    public static final List<String> SHAPES = List.of("circle", "square", "triangle", "star", "ring", "cross");
    public static final List<String> COLOURS = List.of("red", "green", "blue", "yellow", "purple", "orange");
    public static final List<String> PATTERNS = List.of("plain", "striped", "dotted");

    private static final List<Phrase> ALL;
    private static final List<Phrase> SEEN;
    private static final List<Phrase> UNSEEN;

    static {
        List<Phrase> all = new ArrayList<>();
        List<Phrase> seen = new ArrayList<>();
        List<Phrase> unseen = new ArrayList<>();
        for (int s = 0; s < SHAPES.size(); s++) {
            for (int c = 0; c < COLOURS.size(); c++) {
                for (int p = 0; p < PATTERNS.size(); p++) {
                    Phrase phrase = new Phrase(s, c, p);
                    all.add(phrase);
                    (phrase.unseen() ? unseen : seen).add(phrase);
                }
            }
        }
        ALL = List.copyOf(all);
        SEEN = List.copyOf(seen);
        UNSEEN = List.copyOf(unseen);
    }

    private ShapesWorldVocabulary() {
    }

    /** One (shape, colour, pattern) combination, by indices into {@link #SHAPES}, {@link #COLOURS}, {@link #PATTERNS}. */
    public record Phrase(int shape, int colour, int pattern) {
        /** The held-out colour of a shape. */
        public static int heldOutColour(int shape) {
            return (shape + 2) % COLOURS.size();
        }

        public boolean unseen() {
            return colour == heldOutColour(shape);
        }

        public String text() {
            String base = COLOURS.get(colour) + " " + SHAPES.get(shape);
            return pattern == 0 ? base : PATTERNS.get(pattern) + " " + base;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** All 108 phrases. */
    public static List<Phrase> all() {
        return ALL;
    }

    /** The 90 seen phrases, in the order of {@link #all()}. */
    public static List<Phrase> seen() {
        return SEEN;
    }

    /** The 18 held-out phrases, in the order of {@link #all()}. */
    public static List<Phrase> unseen() {
        return UNSEEN;
    }

    public static List<String> texts(List<Phrase> phrases) {
        return phrases.stream().map(Phrase::text).toList();
    }
}
