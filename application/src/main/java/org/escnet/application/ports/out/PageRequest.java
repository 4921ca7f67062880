package org.escnet.application.ports.out;

/** A page of a listing, numbered from 0. Sizes are bounded so no request can load a whole table. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, found " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_SIZE + ", found " + size);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
