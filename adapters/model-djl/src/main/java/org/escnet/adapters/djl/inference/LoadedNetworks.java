package org.escnet.adapters.djl.inference;

import ai.djl.ndarray.NDManager;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.escnet.adapters.djl.escnet.EscNetNetwork;

/**
 * The last few networks used, kept loaded: building a network and reading its weights costs far more than one
 * forward, and people segment several images with the same model. The least recently used network is closed (its
 * native memory freed) when another one is needed. Not thread-safe: its owner serialises access.
 */
final class LoadedNetworks implements AutoCloseable {
    /** A network and the manager owning its parameters. */
    record Loaded(EscNetNetwork network, NDManager manager) {
    }

    private final int capacity;
    private final LinkedHashMap<String, Loaded> byKey = new LinkedHashMap<>(4, 0.75f, true);

    LoadedNetworks(int capacity) {
        this.capacity = capacity;
    }

    Loaded get(ModelSource source) {
        Loaded cached = byKey.get(source.key());
        if (cached != null) {
            return cached;
        }
        // free the oldest before loading, so at most `capacity` networks are ever in memory
        while (byKey.size() >= capacity) {
            Iterator<Map.Entry<String, Loaded>> eldest = byKey.entrySet().iterator();
            eldest.next().getValue().manager().close();
            eldest.remove();
        }
        NDManager manager = NDManager.newBaseManager();
        try {
            Loaded loaded = new Loaded(source.load(manager), manager);
            byKey.put(source.key(), loaded);
            return loaded;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    int size() {
        return byKey.size();
    }

    @Override
    public void close() {
        byKey.values().forEach(l -> l.manager().close());
        byKey.clear();
    }
}
