package org.escnet.adapters.djl.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.escnet.adapters.djl.clip.ClipConfig;
import org.escnet.adapters.djl.escnet.Architecture;
import org.escnet.adapters.djl.escnet.NetworkPreset;

/**
 * Analytic multiply-accumulates of one forward at batch 1, single view (ESC-NET-SPEC §5): matmuls and convolutions
 * only, as fvcore counts them; no softmax, norms, elementwise ops, pad tokens or linear-attention sums. Per module,
 * in the module names of {@link ModelSummary}.
 */
public final class MacCount {
    private MacCount() {
    }

    /** @param classes N_c; per-class terms beyond the text encoder and Eq. 1 use N_c' = min(N_c, cap) */
    public static Map<String, Long> perModule(Architecture a, int classes, boolean trainingPool) {
        NetworkPreset p = a.preset();
        ClipConfig c = p.clip();
        long g = c.grid();
        long hw = g * g;
        long e = c.projectionDim();
        long h = p.hidden();
        long d = 256;
        long n = classes;
        long kept = a.classCap() > 0 ? Math.min(n, a.classCap()) : n;
        long templates = a.templates().size();
        Map<String, Long> m = new LinkedHashMap<>();

        long tokens = hw + 1;
        long wv = c.visionWidth();
        long image = c.visionLayers() * transformerLayer(tokens, wv, c.visionMlpWidth())
                + hw * 3L * c.patchSize() * c.patchSize() * wv + tokens * wv * e;
        m.put("clip.vision", image);
        long ctx = c.contextLength();
        long wt = c.textWidth();
        m.put("clip.text", n * templates * (c.textLayers() * transformerLayer(ctx, wt, c.textMlpWidth()) + wt * e));

        long corr = n * templates * hw * e + kept * hw * templates * h * a.corrKernel() * a.corrKernel();
        long stems = corr + kept * e * h + (p.samHead() ? hw * e * d : 0);
        m.put("stems", stems);

        if (a.samBlocks() > 0) {
            long maskConvs = (4 * hw) * 1 * 4 * 4 + hw * 4 * 16 * 4 + hw * 16 * d;
            m.put("prompt_encoder", kept * maskConvs);
            long t = 5 + promptTokens(a);
            long half = d / 2;
            long perClass = 4 * t * d * d + 2 * t * t * d                         // self-attention
                    + t * d * half + 2 * hw * d * half + 2 * t * hw * half + t * half * d // token → image
                    + 2 * t * d * 2048                                             // token MLP
                    + 2 * hw * d * half + 2 * t * d * half + 2 * hw * t * half;    // image → token
            long fusion = hw * 2 * d * d;
            m.put("sam_blocks", a.samBlocks() * (kept * perClass + fusion));
        }
        long guidanceIn = p.samHead() ? d : e;
        long guidanceConvs = 0;
        for (int i = 0; i < a.stages(); i++) {
            if (a.hasVlf(i) && (p.samHead() || guidanceConvs == 0)) {
                guidanceConvs += hw * guidanceIn * h * 9;
            }
        }
        m.put("guidance", guidanceConvs);
        long window = Math.min(p.window(), g);
        long windows = hw / (window * window);
        long swinBlock = 2 * hw * 2 * h * h + 2 * hw * h * h + windows * 2 * window * window * window * window * h
                + 2 * hw * h * 4 * h;
        long pooled = trainingPool ? hw / ((long) p.trainingPool() * p.trainingPool()) : hw;
        long classLayer = pooled * (2 * 2 * h * h + h * h + 2 * h * 4 * h);
        m.put("vlf", a.vlfLayers() * kept * (2 * swinBlock + classLayer));

        long g2 = 4 * hw;
        long g4 = 16 * hw;
        long perClassDecoder = hw * h * (h - 32) * 4 + g2 * h * 64 * 9 + g2 * 64 * 64 * 9
                + g2 * 64 * 48 * 4 + g4 * 64 * 32 * 9 + g4 * 32 * 32 * 9 + g4 * 32 * 9;
        long skips = hw * wv * 256 * 4 + hw * wv * 128 * 16 + g2 * 256 * 32 * 9 + g4 * 128 * 16 * 9;
        m.put("decoder", kept * perClassDecoder + skips);
        return m;
    }

    /**
     * The part of {@link #perModule} this implementation computes once per image (or once per class) instead of once
     * per class (and position): the guidance halves of the Swin q/k projections, of the class-attention q/k
     * projections and of the decoder's first convolutions ({@code GuidedProjection}, {@code DoubleConv}). The
     * analytic count stays the paper's measure; subtracting this gives the multiply-accumulates actually executed.
     */
    public static long sharedGuidanceMacs(Architecture a, int classes, boolean trainingPool) {
        NetworkPreset p = a.preset();
        long g = p.clip().grid();
        long hw = g * g;
        long h = p.hidden();
        long kept = a.classCap() > 0 ? Math.min(classes, a.classCap()) : classes;
        long pooled = trainingPool ? hw / ((long) p.trainingPool() * p.trainingPool()) : hw;
        long swin = 2 * (kept - 1) * 2 * hw * h * h;          // two blocks, q and k, once per image
        long classAttention = kept * 2 * h * h * (pooled - 1); // q and k, once per class
        long decoder = (kept - 1) * (4 * hw * 32 * 64 * 9 + 16 * hw * 16 * 32 * 9);
        return a.vlfLayers() * (swin + classAttention) + decoder;
    }

    /**
     * The multiply-accumulates {@link #perModule} counts for the SAM blocks' image-token projections and the prompt
     * encoder's last 1×1 convolution that this implementation does not execute (ClassKeys in the SAM package), minus
     * the ones it executes instead. Per block, the analytic count projects X + dense per class: 3 projections of
     * HW × 256 → 128 (token-to-image k and v, image-to-token q). Executed instead: per class, the dense embedding's
     * c = 16 features through the composed projections (HW × c × 3·128) and through the 1×1 convolution to form the
     * keys (HW × c × 256); per image, X + b through the projections, the positional encoding through two of them and
     * the composition P·W (3·128 × 256 × c). The dense embedding is never materialised (HW × 16 × 256 per class).
     * Without mask prompts c = 0 and the keys are X + b for every class.
     */
    public static long factoredSamMacs(Architecture a, int classes) {
        if (a.samBlocks() == 0) {
            return 0;
        }
        long g = a.preset().clip().grid();
        long hw = g * g;
        long d = 256;
        long projections = 3 * (d / 2);
        long kept = a.classCap() > 0 ? Math.min(classes, a.classCap()) : classes;
        long c = a.prompts().contains("masks") ? 16 : 0;
        long analytic = kept * hw * d * projections;
        long executed = kept * hw * c * (projections + d) + hw * d * projections + 2 * hw * d * (d / 2)
                + projections * d * c;
        return a.samBlocks() * (analytic - executed) + kept * hw * c * d;
    }

    /** Sparse prompt tokens per class: 5 points + the pad point for points-only strategies. */
    private static long promptTokens(Architecture a) {
        boolean points = a.prompts().contains("points");
        boolean boxes = a.prompts().contains("boxes");
        int k = a.ppg().objectsPerClass();
        return (points ? k + (boxes ? 0 : 1) : 0) + (boxes ? 2L * k : 0);
    }

    /** Pre-norm transformer layer on {@code t} tokens of width w: qkv + out + attention + MLP. */
    private static long transformerLayer(long t, long w, long mlp) {
        return 4 * t * w * w + 2 * t * t * w + 2 * t * w * mlp;
    }

    public static long total(Map<String, Long> perModule) {
        return perModule.values().stream().mapToLong(Long::longValue).sum();
    }
}
