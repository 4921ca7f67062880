package org.escnet.adapters.djl.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.escnet.domain.model.StageClock;

/**
 * A {@link StageClock} that sums each stage's wall time within one forward and keeps one sum per forward. The
 * PyTorch CPU engine runs every operation before it returns, so the wall time around a stage is that stage's compute.
 */
final class StageTimer implements StageClock {
    private final Map<String, List<Double>> perForward = new LinkedHashMap<>();
    private final Map<String, Double> current = new LinkedHashMap<>();

    @Override
    public <T> T time(String stage, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            current.merge(stage, (System.nanoTime() - t0) / 1e6, Double::sum);
        }
    }

    /** Closes the current forward: its per-stage sums become one sample each. */
    void endForward() {
        current.forEach((stage, ms) -> perForward.computeIfAbsent(stage, s -> new ArrayList<>()).add(ms));
        current.clear();
    }

    /** Forgets everything observed so far (the warm-up forward). */
    void reset() {
        perForward.clear();
        current.clear();
    }

    /** Stage → median milliseconds per forward, in the order the stages first ran. */
    Map<String, Double> medians() {
        Map<String, Double> m = new LinkedHashMap<>();
        perForward.forEach((stage, samples) -> m.put(stage, ForwardBenchmark.median(samples)));
        return m;
    }
}
