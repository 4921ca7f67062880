package org.escnet.adapters.djl.weights;

/**
 * One disagreement between a block's parameters and a weight source.
 *
 * @param kind     what is wrong
 * @param name     the tensor name in the source's naming
 * @param expected the shape the block needs (null for an unexpected tensor)
 * @param found    the shape the source holds (null for a missing tensor)
 */
public record WeightMismatch(Kind kind, String name, long[] expected, long[] found) {

    /** The three ways a source can disagree with a block. */
    public enum Kind { MISSING, UNEXPECTED, WRONG_SHAPE }

    /** @return one line for an error message, with expected and found shapes */
    public String describe() {
        return switch (kind) {
            case MISSING -> "missing    " + name + ": expected " + TensorShapes.format(expected) + ", not in the source";
            case UNEXPECTED -> "unexpected " + name + ": found " + TensorShapes.format(found)
                    + ", no parameter takes it";
            case WRONG_SHAPE -> "wrong shape " + name + ": expected " + TensorShapes.format(expected) + ", found "
                    + TensorShapes.format(found);
        };
    }
}
