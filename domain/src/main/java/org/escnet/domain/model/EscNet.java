package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.escnet.domain.prompts.CorrelationMaps;
import org.escnet.domain.prompts.PpgSpec;
import org.escnet.domain.prompts.PromptStrategy;
import org.escnet.domain.prompts.PseudoPrompts;

/**
 * ESC-Net, the paper's Fig. 2, composed from ports (the way SAM composes {@code Sam(image_encoder, prompt_encoder,
 * mask_decoder)}): CLIP towers → Eq. 1 correlation → class cap → stems → pseudo prompts → N × (SAM block + fusion,
 * guidance, VLF) → upsampling decoder. The CAT-Seg baseline is the same composition without prompts and SAM blocks.
 */
public final class EscNet {
    /** The logit of classes dropped by the class cap (CAT-Seg's value). */
    public static final float DROPPED_CLASS_LOGIT = -100f;

    private final VisionEncoder vision;
    private final TextEncoder text;
    private final CorrelationStem stem;
    private final PromptStrategy promptStrategy;
    private final PpgSpec ppg;
    private final PromptEncoder promptEncoder;
    private final List<EscBlock> blocks;
    private final MaskDecoder decoder;
    private final int classCap;

    /**
     * @param promptStrategy and {@code promptEncoder}: null when no block has a SAM refinement
     * @param classCap       at most this many classes per image go past Eq. 1 (0 = no cap)
     */
    public EscNet(VisionEncoder vision, TextEncoder text, CorrelationStem stem, PromptStrategy promptStrategy,
                  PpgSpec ppg, PromptEncoder promptEncoder, List<EscBlock> blocks, MaskDecoder decoder, int classCap) {
        this.vision = vision;
        this.text = text;
        this.stem = stem;
        this.promptStrategy = promptStrategy;
        this.ppg = ppg;
        this.promptEncoder = promptEncoder;
        this.blocks = List.copyOf(blocks);
        this.decoder = decoder;
        this.classCap = classCap;
        if (usesPrompts() && (promptStrategy == null || promptEncoder == null)) {
            throw new IllegalArgumentException("ESC blocks with SAM refinement need a prompt strategy and a prompt "
                    + "encoder, found " + promptStrategy + " and " + promptEncoder);
        }
    }

    /** True when some block refines the image with SAM, i.e. the network needs pseudo prompts. */
    public boolean usesPrompts() {
        return blocks.stream().anyMatch(b -> b.spatial() != null);
    }

    public TextEncoder textEncoder() {
        return text;
    }

    /** images (B, 3, H, W) RGB 0..255 and class names → logits (B, N_c, 4g, 4g). */
    public Segmentation segment(ForwardPass pass, NDArray images, List<String> classNames) {
        return segment(pass, images, text.encode(pass, images.getManager(), classNames));
    }

    /** images (B, 3, H, W), F_l (N_c, P, E) (e.g. cached per vocabulary) → logits (B, N_c, 4g, 4g). */
    public Segmentation segment(ForwardPass pass, NDArray images, TextFeatures classes) {
        StageClock clock = pass.clock();
        VisionFeatures v = clock.time("clip.vision", () -> vision.encode(pass, images));
        int batch = v.batch();
        int total = classes.classes();
        CorrelationVolume cosine = clock.time("stems", () -> correlate(v.dense(), classes.features()));
        NDArray perImageText = classes.features().expandDims(0)
                .broadcast(new Shape(batch).addAll(classes.features().getShape()));
        NDArray kept = null;
        if (classCap > 0 && total > classCap) {
            kept = topClasses(cosine.cosine(), classCap);
            cosine = new CorrelationVolume(gatherClasses(cosine.cosine(), kept, 2));
            perImageText = gatherClasses(perImageText, kept, 1);
        }
        CorrelationVolume corr = cosine;
        NDArray text = perImageText;
        HeadInputs head = clock.time("stems", () -> stem.embed(pass, v.dense(), text, corr));

        PseudoPrompts prompts = null;
        PromptEmbeddings promptEmbeddings = null;
        NDArray pe = null;
        if (usesPrompts()) {
            // PPG is outside the gradient tape (ESC-NET-SPEC §8): its prompts are constants
            PseudoPrompts generated = clock.time("ppg", () -> promptStrategy.generate(
                    CorrelationMaps.of(corr.templateMean().stopGradient()), ppg));
            prompts = generated;
            promptEmbeddings = clock.time("prompt_encoder", () -> promptEncoder.encode(pass, images.getManager(),
                    generated, v.grid()));
            pe = clock.time("prompt_encoder", () -> promptEncoder.densePositionalEncoding(pass,
                    images.getManager(), v.grid()));
        }
        NDArray image = head.image();
        NDArray guidance = null;
        NDArray correlation = head.correlation();
        for (EscBlock block : blocks) {
            if (block.spatial() != null) {
                NDArray x = image;
                NDArray positions = pe;
                PromptEmbeddings embedded = promptEmbeddings;
                image = clock.time("sam_blocks", () -> block.spatial().refine(pass, x, positions, embedded));
            }
            if (block.guidance() != null) {
                NDArray x = image;
                guidance = clock.time("guidance", () -> block.guidance().project(pass, x));
            }
            if (block.fusion() != null) {
                NDArray c = correlation;
                NDArray g = guidance;
                correlation = clock.time("vlf", () -> block.fusion().fuse(pass, c, g, head.textGuidance()));
                // each layer's input is as large as the vocabulary (128 floats per class and position, 250 MB for
                // 847 classes at ESC-Net-B): free it now instead of holding every layer's until the forward ends
                // (backward keeps what it needs on its own)
                if (correlation != c) {
                    c.close();
                }
            }
        }
        NDArray fused = correlation;
        NDArray logits = clock.time("decoder", () -> decoder.decode(pass, fused, v));
        if (kept != null) {
            logits = scatterClasses(logits, kept, total);
        }
        return new Segmentation(logits, prompts, kept);
    }

    /** Eq. 1: F_v (B, E, g, g), F_l (N, P, E) → cosine (B, P, N, g, g). */
    public static CorrelationVolume correlate(NDArray visionDense, NDArray textFeatures) {
        Shape vs = visionDense.getShape();
        Shape ts = textFeatures.getShape();
        long b = vs.get(0);
        long e = vs.get(1);
        long g = vs.get(2);
        long n = ts.get(0);
        long p = ts.get(1);
        NDArray pixels = visionDense.normalize(2, 1).reshape(b, e, g * g);
        NDArray words = textFeatures.normalize(2, 2).reshape(n * p, e);
        NDArray cos = words.matMul(pixels); // (B, N·P, HW)
        return new CorrelationVolume(cos.reshape(b, n, p, g, g).transpose(0, 2, 1, 3, 4));
    }

    /** cosine (B, P, N, g, g) → indices (B, cap) of each image's classes with the highest maximum correlation. */
    static NDArray topClasses(NDArray cosine, int cap) {
        Shape s = cosine.getShape();
        NDArray score = cosine.transpose(0, 2, 1, 3, 4).reshape(s.get(0), s.get(2), -1).max(new int[] {2}); // (B, N)
        NDArray idx = score.topK(cap, 1, true, true).get(1);
        return idx.sort(1); // keep the vocabulary order among the kept classes
    }

    /** x with classes on {@code axis}, idx (B, K) → x restricted to each image's K classes. */
    static NDArray gatherClasses(NDArray x, NDArray idx, int axis) {
        long[] dims = x.getShape().getShape();
        long[] idxShape = new long[dims.length];
        java.util.Arrays.fill(idxShape, 1);
        idxShape[0] = dims[0];
        idxShape[axis] = idx.getShape().get(1);
        long[] target = dims.clone();
        target[axis] = idx.getShape().get(1);
        return x.gather(idx.reshape(idxShape).broadcast(new Shape(target)), axis);
    }

    /** logits (B, K, h, w) of the kept classes idx (B, K) → (B, N, h, w) with -100 for the dropped ones. */
    static NDArray scatterClasses(NDArray logits, NDArray idx, int total) {
        Shape s = logits.getShape();
        NDArray full = logits.getManager().full(new Shape(s.get(0), total, s.get(2), s.get(3)), DROPPED_CLASS_LOGIT);
        NDArray index = idx.reshape(s.get(0), s.get(1), 1, 1).broadcast(s);
        return full.scatter(index, logits, 1);
    }

    @Override
    public String toString() {
        return "EscNet[blocks=" + blocks.size() + ", prompts=" + (promptStrategy == null ? "none"
                : promptStrategy.name()) + ", classCap=" + classCap + "]";
    }

}
