package org.escnet.adapters.djl.weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tensors held in memory or computed on demand. Serves tests, and renaming views over another source (a derived
 * tensor is computed only when a loader reads it, so a view over a 600 MB file stays cheap).
 */
public final class InMemoryTensorSource implements TensorSource {

    private record Entry(long[] shape, Supplier<FloatTensor> values) {
    }

    private final Map<String, Entry> entries;
    private final String description;

    private InMemoryTensorSource(Map<String, Entry> entries, String description) {
        this.entries = entries;
        this.description = description;
    }

    /** @param description how error messages name this source */
    public static Builder builder(String description) {
        return new Builder(description);
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    @Override
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    @Override
    public long[] shape(String name) {
        return entry(name).shape().clone();
    }

    @Override
    public FloatTensor read(String name) {
        FloatTensor t = entry(name).values().get();
        if (!java.util.Arrays.equals(t.shape(), entry(name).shape())) {
            throw new IllegalStateException("tensor '" + name + "' of " + description + " declared shape "
                    + TensorShapes.format(entry(name).shape()) + " but produced " + TensorShapes.format(t.shape()));
        }
        return t;
    }

    @Override
    public String description() {
        return description;
    }

    private Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no tensor '" + name + "' in " + description);
        }
        return e;
    }

    /** Collects tensors in insertion order. */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private final String description;

        private Builder(String description) {
            this.description = description;
        }

        /** Adds a tensor given by its values. */
        public Builder put(String name, FloatTensor tensor) {
            entries.put(name, new Entry(tensor.shape(), () -> tensor));
            return this;
        }

        /** Adds a tensor given by its shape and row-major values. */
        public Builder put(String name, long[] shape, float[] values) {
            return put(name, new FloatTensor(shape, values));
        }

        /** Adds a tensor computed when first read; {@code shape} must be what the supplier produces. */
        public Builder putLazy(String name, long[] shape, Supplier<FloatTensor> values) {
            entries.put(name, new Entry(shape.clone(), values));
            return this;
        }

        /** Removes a tensor, e.g. to build a deliberately incomplete source in a test. */
        public Builder remove(String name) {
            entries.remove(name);
            return this;
        }

        public InMemoryTensorSource build() {
            return new InMemoryTensorSource(new LinkedHashMap<>(entries), description);
        }
    }
}
