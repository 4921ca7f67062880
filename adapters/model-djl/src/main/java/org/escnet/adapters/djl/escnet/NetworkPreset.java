package org.escnet.adapters.djl.escnet;

import java.util.List;
import org.escnet.adapters.djl.clip.ClipConfig;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.model.SamInit;

/**
 * An architecture preset (data, not a subclass): the CLIP towers, the head widths and the defaults a {@code
 * ModelSpec} left at the ESC-Net defaults resolves to.
 *
 * @param name            the preset name a run config uses
 * @param clip            the CLIP preset
 * @param samHead         true for ESC-Net (SAM neck, prompts, SAM blocks), false for CAT-Seg
 * @param layers          default number of VLF layers (and ESC blocks)
 * @param corrKernel      default correlation-embedding kernel
 * @param hidden          correlation embedding width C_h (128)
 * @param heads           VLF heads (4)
 * @param window          Swin window (12 at the 24 grid)
 * @param padLength       class-attention pad length (256)
 * @param trainingPool    class-attention pooling in training (2 as CAT-Seg; 1 for the tiny ESC-Net)
 */
public record NetworkPreset(String name, ClipConfig clip, boolean samHead, int layers, int corrKernel, int hidden,
                            int heads, int window, int padLength, int trainingPool) {

    public static final NetworkPreset ESCNET_VIT_B16 = new NetworkPreset("escnet-vit-b16", ClipConfig.CLIP_VIT_B16,
            true, 4, 1, 128, 4, 12, 256, 2);
    public static final NetworkPreset ESCNET_VIT_L14_336 = new NetworkPreset("escnet-vit-l14-336",
            ClipConfig.CLIP_VIT_L14_336, true, 4, 1, 128, 4, 12, 256, 2);
    /**
     * The tiny CLIP (96 px, 6x6 grid) under the full-width head; windows of 3 so the shifted block is exercised. Its
     * class attention is not pooled in training: 2x2 pooling leaves 3x3 positions of a 6x6 grid, so training and test
     * (always 1x1) saw different attentions, and on 8 ShapesWorld images the training-set mIoU rose from 68.5 with
     * pooling to 83.1 without, at the same training loss (`escnet bench overfit`, 300 steps, pre-trained tiny CLIP).
     */
    public static final NetworkPreset ESCNET_TINY = new NetworkPreset("escnet-tiny", ClipConfig.TINY,
            true, 4, 1, 128, 4, 3, 256, 1);
    /** CAT-Seg CVPR configs (ESC-NET-SPEC §4.2): 2 aggregator layers, 7x7 correlation embedding, no SAM. */
    public static final NetworkPreset CATSEG_VIT_B16 = new NetworkPreset("catseg-vit-b16", ClipConfig.CLIP_VIT_B16,
            false, 2, 7, 128, 4, 12, 256, 2);
    public static final NetworkPreset CATSEG_VIT_L14_336 = new NetworkPreset("catseg-vit-l14-336",
            ClipConfig.CLIP_VIT_L14_336, false, 2, 7, 128, 4, 12, 256, 2);
    public static final NetworkPreset CATSEG_TINY = new NetworkPreset("catseg-tiny", ClipConfig.TINY,
            false, 2, 7, 128, 4, 3, 256, 2);

    public static final List<NetworkPreset> ALL = List.of(ESCNET_VIT_B16, ESCNET_VIT_L14_336, ESCNET_TINY,
            CATSEG_VIT_B16, CATSEG_VIT_L14_336, CATSEG_TINY);

    /** The preset of that name; unknown names fail with the list of known ones. */
    public static NetworkPreset byName(String name) {
        for (NetworkPreset p : ALL) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown model preset '" + name + "', expected one of "
                + ALL.stream().map(NetworkPreset::name).toList());
    }

    /** The CAT-Seg baseline with the same CLIP (for latency and MAC ratios). */
    public NetworkPreset baseline() {
        if (!samHead) {
            return this;
        }
        return ALL.stream().filter(p -> !p.samHead && p.clip.equals(clip)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no CAT-Seg preset shares CLIP " + clip.name()));
    }

    /** The spec of this preset at the defaults, with random SAM parts (none for CAT-Seg) and no weight files. */
    public ModelSpec randomWeightsSpec() {
        ModelSpec d = ModelSpec.DEFAULTS;
        return new ModelSpec(name, d.prompts(), samHead ? SamInit.RANDOM : SamInit.NONE, d.escBlocks(),
                d.vlfLayers(), d.samLayerOrder(), d.fusion(), d.corrEmbedKernel(), d.templates(), d.classCap(),
                d.ppg(), d.weights());
    }

    public int grid() {
        return clip.grid();
    }
}
