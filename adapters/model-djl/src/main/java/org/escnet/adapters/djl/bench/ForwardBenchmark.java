package org.escnet.adapters.djl.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.escnet.adapters.djl.escnet.EscNetFactory;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.adapters.djl.escnet.NetworkPreset;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.model.TextFeatures;

/**
 * What {@code escnet bench forward --preset P --classes N [--repeat R]} runs: median inference latency per image
 * (random weights, text features cached per vocabulary as at inference), for an ESC-Net preset also its CAT-Seg
 * baseline in the same process, next to the analytic MACs; the achieved GFLOP/s next to this machine's fp32 matmul
 * GFLOP/s measured in the same run (timings on shared vCPUs swing 2–4x, so compare ratios, not absolutes).
 */
public final class ForwardBenchmark {
    private static final int MATMUL_SIDE = 2048;
    /** Classes per chunk: bounds the per-class activations at inference. */
    public static final int CLASS_CHUNK = 16;

    private ForwardBenchmark() {
    }

    /** One preset's figures. */
    public record Entry(String preset, double medianMs, long macsCachedText) {
        /** 2·MACs per second. */
        public double achievedGflops() {
            return 2.0 * macsCachedText / (medianMs / 1000) / 1e9;
        }
    }

    /** The report; {@code baseline} is null for a CAT-Seg preset. */
    public record Report(int classes, int repeat, Entry model, Entry baseline, double matmulGflops, long peakRssMiB) {
        public String toText() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "forward benchmark: %d classes, batch 1, median of %d, text cached%n",
                    classes, repeat));
            sb.append(String.format(Locale.ROOT, "%-22s %12s %12s %10s%n", "preset", "latency ms", "GMAC", "GFLOP/s"));
            for (Entry e : baseline == null ? List.of(model) : List.of(model, baseline)) {
                sb.append(String.format(Locale.ROOT, "%-22s %12.1f %12.1f %10.1f%n", e.preset(), e.medianMs(),
                        e.macsCachedText() / 1e9, e.achievedGflops()));
            }
            if (baseline != null) {
                sb.append(String.format(Locale.ROOT, "latency ratio %.3f (MAC ratio %.3f)%n",
                        model.medianMs() / baseline.medianMs(),
                        (double) model.macsCachedText() / baseline.macsCachedText()));
            }
            sb.append(String.format(Locale.ROOT, "fp32 matmul %dx%d: %.1f GFLOP/s on this machine%n", MATMUL_SIDE,
                    MATMUL_SIDE, matmulGflops));
            sb.append(String.format(Locale.ROOT, "peak resident memory (VmHWM): %d MiB%n", peakRssMiB));
            return sb.toString();
        }
    }

    public static Report run(String preset, int classes, int repeat) {
        if (classes < 1 || repeat < 1) {
            throw new IllegalArgumentException("--classes and --repeat must be at least 1, found " + classes + " and "
                    + repeat);
        }
        NetworkPreset p = NetworkPreset.byName(preset);
        try (NDManager manager = NDManager.newBaseManager()) {
            double matmul = matmulGflops(manager);
            Entry model = measure(manager, p, classes, repeat);
            Entry baseline = p.samHead() ? measure(manager, p.baseline(), classes, repeat) : null;
            return new Report(classes, repeat, model, baseline, matmul, PeakMemory.residentMiB());
        }
    }

    private static Entry measure(NDManager parent, NetworkPreset preset, int classes, int repeat) {
        ModelSpec spec = preset.randomWeightsSpec();
        try (NDManager manager = parent.newSubManager()) {
            EscNetNetwork net = EscNetFactory.buildRandom(spec, manager);
            ParameterStore ps = new ParameterStore(manager, false);
            ForwardPass pass = new ForwardPass(ps, false, CLASS_CHUNK);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < classes; i++) {
                names.add("class " + i);
            }
            TextFeatures text;
            try (NDScope scope = new NDScope()) { // the text tower's temporaries are not part of the measurement
                text = net.net().textEncoder().encode(pass, manager, names);
                NDScope.unregister(text.features());
            }
            int r = preset.clip().imageSize();
            NDArray image = manager.randomUniform(0, 255, new Shape(1, 3, r, r));
            double[] ms = new double[repeat];
            for (int i = -1; i < repeat; i++) { // one warm-up forward
                try (NDScope scope = new NDScope()) {
                    long t0 = System.nanoTime();
                    net.segment(pass, image, text).logits().toFloatArray(); // forces the computation
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
            Arrays.sort(ms);
            double median = repeat % 2 == 1 ? ms[repeat / 2] : (ms[repeat / 2 - 1] + ms[repeat / 2]) / 2;
            var macs = MacCount.perModule(net.architecture(), classes, false);
            long cached = MacCount.total(macs) - macs.get("clip.text");
            return new Entry(preset.name(), median, cached);
        }
    }

    /** Best of 3 timed 2048² fp32 matmuls, in GFLOP/s. */
    static double matmulGflops(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            NDArray a = m.randomNormal(new Shape(MATMUL_SIDE, MATMUL_SIDE));
            NDArray b = m.randomNormal(new Shape(MATMUL_SIDE, MATMUL_SIDE));
            a.matMul(b).close(); // warm-up
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0); // waits for the result
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                c.close();
            }
            return 2.0 * MATMUL_SIDE * MATMUL_SIDE * (double) MATMUL_SIDE / best / 1e9;
        }
    }
}
