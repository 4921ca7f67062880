package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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

    /**
     * Runs one step of a network (a layer, a block's attention) in its own scope and returns its result: the step's
     * temporaries are closed as soon as it returns. DJL frees an array only when it is closed, so without such scopes
     * every intermediate of a forward stays allocated until the forward ends: a 256-prompt group through the CLIP-B
     * text tower held about 65 MB per prompt that way, and a chunk's fresh arrays are never warm in cache.
     */
    public static NDArray result(Supplier<NDArray> step) {
        try (ChunkScope scope = new ChunkScope()) {
            return scope.keep(step.get());
        }
    }

    @Override
    public void close() {
        scope.close();
        kept.forEach(NDScope::register); // the enclosing scope, if any, is the innermost one now
    }
}
