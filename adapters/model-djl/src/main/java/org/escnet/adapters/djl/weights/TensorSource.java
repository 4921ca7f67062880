package org.escnet.adapters.djl.weights;

import java.util.List;

/**
 * Named tensors, the way a checkpoint stores them: the seam between weight files and the loaders that copy them into
 * blocks, so a loader can be tested on tensors built in memory and a file format can change without touching loaders.
 */
public interface TensorSource {

    /** @return every tensor name, in the source's order */
    List<String> names();

    /** @return whether a tensor of that name exists */
    default boolean contains(String name) {
        return names().contains(name);
    }

    /**
     * @return the shape of the named tensor, without reading its data
     * @throws IllegalArgumentException naming the source when the tensor does not exist
     */
    long[] shape(String name);

    /**
     * @return the named tensor converted to float values
     * @throws IllegalArgumentException naming the source when the tensor does not exist or is not numeric
     */
    FloatTensor read(String name);

    /** @return a short human-readable description (a file path, "in-memory tensors", ...) for error messages */
    String description();
}
