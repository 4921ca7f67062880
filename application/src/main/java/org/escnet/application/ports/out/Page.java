package org.escnet.application.ports.out;

import java.util.List;
import java.util.function.Function;

/** One page of a listing and the size of the whole listing. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public <U> Page<U> map(Function<T, U> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }
}
