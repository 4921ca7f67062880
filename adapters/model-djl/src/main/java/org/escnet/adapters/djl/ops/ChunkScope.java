package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link NDScope} for one chunk of a larger computation: the chunk's temporaries are closed when it ends, and the
 * arrays it {@link #keep keeps} move to the enclosing scope.
 *
 * <p>{@code NDScope.unregister} alone removes an array from the innermost scope only, so a kept array would belong to
 * no scope at all and outlive the enclosing one (a training iteration's scope, say) together with the autograd graph
 * behind it. Handing kept arrays to the enclosing scope keeps the per-iteration memory bounded.
 */
public final class ChunkScope implements AutoCloseable {
    private final NDScope scope = new NDScope();
    private final List<NDArray> kept = new ArrayList<>();

    /** Marks {@code array} as a result of the chunk: it survives the chunk and is closed with the enclosing scope. */
    public NDArray keep(NDArray array) {
        NDScope.unregister(array);
        kept.add(array);
        return array;
    }

    @Override
    public void close() {
        scope.close();
        kept.forEach(NDScope::register); // the enclosing scope, if any, is the innermost one now
    }
}
