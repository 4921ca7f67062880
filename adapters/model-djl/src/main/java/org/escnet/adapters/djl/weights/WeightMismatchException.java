package org.escnet.adapters.djl.weights;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a weight source does not fit a block; lists every problem at once, not only the first. */
public class WeightMismatchException extends RuntimeException {

    private final transient List<WeightMismatch> mismatches;

    public WeightMismatchException(String source, String target, List<WeightMismatch> mismatches, String hint) {
        super(message(source, target, mismatches, hint));
        this.mismatches = List.copyOf(mismatches);
    }

    private static String message(String source, String target, List<WeightMismatch> mismatches, String hint) {
        long missing = mismatches.stream().filter(m -> m.kind() == WeightMismatch.Kind.MISSING).count();
        long unexpected = mismatches.stream().filter(m -> m.kind() == WeightMismatch.Kind.UNEXPECTED).count();
        long wrong = mismatches.stream().filter(m -> m.kind() == WeightMismatch.Kind.WRONG_SHAPE).count();
        String lines = mismatches.stream().map(m -> "  " + m.describe()).collect(Collectors.joining("\n"));
        return source + " does not fit " + target + ": " + missing + " missing, " + unexpected + " unexpected, "
                + wrong + " with the wrong shape\n" + lines + (hint == null || hint.isBlank() ? "" : "\n" + hint);
    }

    /** @return every mismatch found */
    public List<WeightMismatch> mismatches() {
        return mismatches;
    }
}
