package org.escnet.adapters.djl.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.escnet.adapters.djl.escnet.ClassChunking;
import org.escnet.adapters.djl.escnet.EscNetFactory;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.adapters.djl.escnet.NetworkPreset;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.model.StageClock;
import org.escnet.domain.model.TextFeatures;

/**
 * What {@code escnet bench forward --preset P --classes N [--repeat R]} runs: median inference latency per image
 * (random weights, text features cached per vocabulary as at inference), for an ESC-Net preset also its CAT-Seg
 * baseline in the same process, the two taking turns, next to the analytic MACs; the achieved GFLOP/s next to this
 * machine's fp32 matmul GFLOP/s, a matmul timed right before every timed forward (timings on shared vCPUs swing by
 * tens of percent from minute to minute, so the model and its baseline are compared with what the machine gave at
 * the same moments).
 */
public final class ForwardBenchmark {
    private static final int MATMUL_SIDE = 2048;

    private ForwardBenchmark() {
    }

    /**
     * One preset's figures.
     *
     * @param macsCachedText analytic MACs without the text tower (ESC-NET-SPEC §5, as fvcore counts them)
     * @param macsExecuted   the same minus the guidance terms this implementation computes once per image or class
     */
    public record Entry(String preset, double medianMs, long macsCachedText, long macsExecuted,
                        Map<String, Double> stageMs, Map<String, Long> stageMacs) {
        public Entry {
            stageMs = Map.copyOf(stageMs);
            stageMacs = Map.copyOf(stageMacs);
        }

        /** 2·(analytic MACs) per second: the paper's measure. */
        public double achievedGflops() {
            return 2.0 * macsCachedText / (medianMs / 1000) / 1e9;
        }

        /** 2·(executed MACs) per second: how hard the arithmetic units actually worked. */
        public double executedGflops() {
            return 2.0 * macsExecuted / (medianMs / 1000) / 1e9;
        }
    }

    /**
     * The report; {@code baseline} is null for a CAT-Seg preset. {@code matmulGflops} is the median of 2048² matmuls
     * timed right before each timed forward (so the baseline sees the same machine as the model on shared vCPUs),
     * {@code matmulBestGflops} the fastest of them.
     */
    public record Report(int classes, int classCap, int repeat, int classChunk, Entry model, Entry baseline,
                         double matmulGflops, double matmulBestGflops, long peakRssMiB) {
        public String toText() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "forward benchmark: %d classes (%s) in chunks of %s, batch 1, median of "
                    + "%d, text cached%n", classes, capText(), classChunk == 0 ? "all" : Integer.toString(classChunk),
                    repeat));
            sb.append(String.format(Locale.ROOT, "%-22s %12s %12s %10s %14s %10s%n", "preset", "latency ms", "GMAC",
                    "GFLOP/s", "executed GMAC", "GFLOP/s"));
            for (Entry e : baseline == null ? List.of(model) : List.of(model, baseline)) {
                sb.append(String.format(Locale.ROOT, "%-22s %12.1f %12.1f %10.1f %14.1f %10.1f%n", e.preset(),
                        e.medianMs(), e.macsCachedText() / 1e9, e.achievedGflops(), e.macsExecuted() / 1e9,
                        e.executedGflops()));
            }
            if (baseline != null) {
                sb.append(String.format(Locale.ROOT, "latency ratio %.3f (MAC ratio %.3f, executed MAC ratio %.3f)%n",
                        model.medianMs() / baseline.medianMs(),
                        (double) model.macsCachedText() / baseline.macsCachedText(),
                        (double) model.macsExecuted() / baseline.macsExecuted()));
            }
            sb.append(String.format(Locale.ROOT, "fp32 matmul %dx%d: %.1f GFLOP/s on this machine (median of %d, "
                    + "each timed just before a forward; best %.1f)%n", MATMUL_SIDE, MATMUL_SIDE, matmulGflops,
                    (baseline == null ? 1 : 2) * repeat, matmulBestGflops));
            sb.append(String.format(Locale.ROOT, "%s reaches %.0f%% of the matmul rate (%.0f%% counting executed "
                    + "MACs)%n", model.preset(), 100 * model.achievedGflops() / matmulGflops,
                    100 * model.executedGflops() / matmulGflops));
            sb.append(String.format(Locale.ROOT, "peak resident memory (VmHWM): %d MiB%n", peakRssMiB));
            sb.append(stageTable());
            return sb.toString();
        }

        /** How many classes per image go past the correlation. */
        private String capText() {
            if (classCap == 0) {
                return "no class cap";
            }
            return classes > classCap ? "class cap " + classCap + ": the " + classCap + " best per image go on"
                    : "class cap " + classCap + ": all go on";
        }

        /** Median time and analytic MACs per stage, side by side for the model and its baseline. */
        private String stageTable() {
            List<Entry> entries = baseline == null ? List.of(model) : List.of(model, baseline);
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nper stage (median ms per forward, "
                    + "analytic GMAC, GFLOP/s):%n%-16s", "stage"));
            for (Entry e : entries) {
                sb.append(String.format(Locale.ROOT, " | %-30s", e.preset()));
            }
            sb.append(System.lineSeparator());
            for (String stage : StageClock.STAGES) {
                if (entries.stream().noneMatch(e -> e.stageMs().containsKey(stage))) {
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "%-16s", stage));
                for (Entry e : entries) {
                    Double ms = e.stageMs().get(stage);
                    long macs = e.stageMacs().getOrDefault(stage, 0L);
                    sb.append(ms == null ? String.format(Locale.ROOT, " | %-30s", "-")
                            : String.format(Locale.ROOT, " | %9.1f ms %7.2f GMAC %6s", ms, macs / 1e9,
                            macs == 0 ? "" : String.format(Locale.ROOT, "%6.1f", 2.0 * macs / (ms / 1000) / 1e9)));
                }
                sb.append(System.lineSeparator());
            }
            sb.append(String.format(Locale.ROOT, "%-16s", "other"));
            for (Entry e : entries) {
                double staged = e.stageMs().values().stream().mapToDouble(Double::doubleValue).sum();
                sb.append(String.format(Locale.ROOT, " | %9.1f ms %-19s", e.medianMs() - staged, ""));
            }
            sb.append(System.lineSeparator());
            return sb.toString();
        }
    }

    public static Report run(String preset, int classes, int repeat) {
        return run(preset, classes, repeat, ClassChunking.DEFAULT, ModelSpec.DEFAULTS.classCap());
    }

    /** @param classCap classes per image past the correlation, 0 = all (the spec's default is CAT-Seg's 256) */
    public static Report run(String preset, int classes, int repeat, ClassChunking chunking, int classCap) {
        if (classes < 1 || repeat < 1) {
            throw new IllegalArgumentException("--classes and --repeat must be at least 1, found " + classes + " and "
                    + repeat);
        }
        if (classCap < 0) {
            throw new IllegalArgumentException("--class-cap must be 0 (no cap) or positive, found " + classCap);
        }
        NetworkPreset p = NetworkPreset.byName(preset);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<Double> matmul = new ArrayList<>();
            Subject model = new Subject(manager, p, classes, chunking, classCap);
            Subject baseline = p.samHead() ? new Subject(manager, p.baseline(), classes, chunking, classCap) : null;
            // the two networks take turns, one warm-up round first: a drift of the shared vCPUs over the run then
            // reaches both alike instead of whichever was measured second
            for (int i = -1; i < repeat; i++) {
                boolean timed = i >= 0;
                if (timed) {
                    matmul.add(matmulGflops(manager));
                }
                model.forward(timed);
                if (baseline != null) {
                    if (timed) {
                        matmul.add(matmulGflops(manager));
                    }
                    baseline.forward(timed);
                }
            }
            return new Report(classes, classCap, repeat, chunking.classes(), model.entry(), baseline == null ? null
                    : baseline.entry(), median(matmul), matmul.stream().mapToDouble(Double::doubleValue).max()
                    .orElseThrow(), PeakMemory.residentMiB());
        }
    }

    /** One preset under measurement: random weights, its vocabulary's text features cached, one image. */
    private static final class Subject {
        private final NetworkPreset preset;
        private final EscNetNetwork net;
        private final ForwardPass pass;
        private final StageTimer timer = new StageTimer();
        private final TextFeatures text;
        private final NDArray image;
        private final List<Double> ms = new ArrayList<>();
        private final int classes;

        Subject(NDManager parent, NetworkPreset preset, int classes, ClassChunking chunking, int classCap) {
            this.preset = preset;
            this.classes = classes;
            NDManager manager = parent.newSubManager();
            ModelSpec spec = preset.randomWeightsSpec().withClassCap(classCap);
            net = EscNetFactory.buildRandom(spec, manager);
            pass = new ForwardPass(new ParameterStore(manager, false), false, chunking.classes(), timer);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < classes; i++) {
                names.add("class " + i);
            }
            try (NDScope scope = new NDScope()) { // the text tower's temporaries are not part of the measurement
                text = net.net().textEncoder().encode(pass, manager, names);
                NDScope.unregister(text.features());
            }
            int r = preset.clip().imageSize();
            image = manager.randomUniform(0, 255, new Shape(1, 3, r, r));
        }

        /** One forward; {@code timed} false for the warm-up. */
        void forward(boolean timed) {
            try (NDScope scope = new NDScope()) {
                long t0 = System.nanoTime();
                net.segment(pass, image, text).logits().toFloatArray(); // forces the computation
                if (timed) {
                    ms.add((System.nanoTime() - t0) / 1e6);
                    timer.endForward();
                } else {
                    timer.reset();
                }
            }
        }

        Entry entry() {
            var macs = MacCount.perModule(net.architecture(), classes, false);
            long cached = MacCount.total(macs) - macs.get("clip.text");
            long executed = cached - MacCount.sharedGuidanceMacs(net.architecture(), classes, false)
                    - MacCount.factoredSamMacs(net.architecture(), classes);
            return new Entry(preset.name(), median(ms), cached, executed, timer.medians(), macs);
        }
    }

    /** One timed 2048² fp32 matmul after a warm-up one, in GFLOP/s. */
    static double matmulGflops(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            NDArray a = m.randomNormal(new Shape(MATMUL_SIDE, MATMUL_SIDE));
            NDArray b = m.randomNormal(new Shape(MATMUL_SIDE, MATMUL_SIDE));
            a.matMul(b).close(); // warm-up
            long t0 = System.nanoTime();
            NDArray c = a.matMul(b);
            c.getFloat(0, 0); // waits for the result
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.close();
            return 2.0 * MATMUL_SIDE * MATMUL_SIDE * (double) MATMUL_SIDE / seconds / 1e9;
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
