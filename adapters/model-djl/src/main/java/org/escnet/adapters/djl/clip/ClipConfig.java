package org.escnet.adapters.djl.clip;

import java.util.List;

/**
 * The sizes of a CLIP model (both towers). Presets are data: {@link #CLIP_VIT_B16}, {@link #CLIP_VIT_L14_336},
 * {@link #TINY}; {@link #forPreset(String)} looks them up by name.
 *
 * @param name               preset name, used in messages
 * @param imageSize          input side R in pixels (square)
 * @param patchSize          patch side p; the grid is R / p
 * @param positionGrid       side of the positional-embedding grid stored in the checkpoint (14 for ViT-B/16, whose
 *                           224-px embedding is bicubic-resized to the grid at every forward; equal to the grid
 *                           otherwise)
 * @param visionWidth        W_v
 * @param visionLayers       vision residual blocks
 * @param visionHeads        vision attention heads
 * @param visionMlpWidth     hidden width of the vision MLP (4·W_v in OpenAI CLIP)
 * @param textWidth          W_t
 * @param textLayers         text residual blocks
 * @param textHeads          text attention heads
 * @param textMlpWidth       hidden width of the text MLP
 * @param contextLength      text positions (77 for CLIP)
 * @param vocabSize          token-embedding rows
 * @param projectionDim      E, the joint embedding width
 * @param skipTaps           0-based indices of the vision blocks whose outputs are the decoder's two skip taps
 * @param byteTokenizer      true when texts are tokenized by the file-free byte tokenizer (tiny preset)
 */
public record ClipConfig(String name, int imageSize, int patchSize, int positionGrid,
                         int visionWidth, int visionLayers, int visionHeads, int visionMlpWidth,
                         int textWidth, int textLayers, int textHeads, int textMlpWidth,
                         int contextLength, int vocabSize, int projectionDim, List<Integer> skipTaps,
                         boolean byteTokenizer) {

    /** OpenAI ViT-B/16 at 384 px (24x24 grid), CAT-Seg's B configuration (ESC-NET-SPEC §1). */
    public static final ClipConfig CLIP_VIT_B16 = new ClipConfig("clip-vit-b16", 384, 16, 14,
            768, 12, 12, 3072, 512, 12, 8, 2048, 77, 49408, 512, List.of(3, 7), false);

    /** OpenAI ViT-L/14@336px (24x24 grid). */
    public static final ClipConfig CLIP_VIT_L14_336 = new ClipConfig("clip-vit-l14-336", 336, 14, 24,
            1024, 24, 16, 4096, 768, 12, 12, 3072, 77, 49408, 768, List.of(7, 15), false);

    /**
     * A CPU-test-sized model with the same structure: 96 px, patch 16 (6x6 grid), width 64, 4 blocks, 4 heads of 16;
     * text width 64, 2 blocks, context 64, byte tokenizer (259 ids); projection 32; taps after blocks 1 and 2.
     * The context holds a whole templated phrase ("A photo of a striped purple triangle in the scene" is 49 bytes):
     * a shorter one would cut every prompt inside the shared template and make all classes read alike.
     * 376,641 parameters; a forward takes milliseconds.
     */
    public static final ClipConfig TINY = new ClipConfig("tiny", 96, 16, 6,
            64, 4, 4, 256, 64, 2, 4, 256, 64, 259, 32, List.of(1, 2), true);

    public ClipConfig {
        skipTaps = List.copyOf(skipTaps);
        require(imageSize > 0 && patchSize > 0 && imageSize % patchSize == 0,
                "image size " + imageSize + " must be a positive multiple of the patch size " + patchSize);
        require(positionGrid > 0, "position grid must be positive, found " + positionGrid);
        require(visionWidth % visionHeads == 0, "vision width " + visionWidth + " must divide into "
                + visionHeads + " heads");
        require(textWidth % textHeads == 0, "text width " + textWidth + " must divide into " + textHeads + " heads");
        require(visionLayers >= 2, "the vision tower needs at least 2 blocks (taps + the dense last block), found "
                + visionLayers);
        require(textLayers >= 1, "the text tower needs at least 1 block, found " + textLayers);
        require(contextLength >= 2, "context length must be at least 2, found " + contextLength);
        require(skipTaps.size() == 2, "exactly two skip taps are needed, found " + skipTaps);
        for (int tap : skipTaps) {
            require(tap >= 0 && tap < visionLayers - 1, "skip tap " + tap + " must index a block before the dense "
                    + "last block, i.e. lie in 0.." + (visionLayers - 2));
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("CLIP config: " + message);
        }
    }

    /** @return the preset of that name: {@code clip-vit-b16}, {@code clip-vit-l14-336} or {@code tiny} */
    public static ClipConfig forPreset(String name) {
        for (ClipConfig c : List.of(CLIP_VIT_B16, CLIP_VIT_L14_336, TINY)) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown CLIP preset '" + name + "', expected clip-vit-b16, "
                + "clip-vit-l14-336 or tiny");
    }

    /** @return the feature-grid side R / p */
    public int grid() {
        return imageSize / patchSize;
    }
}
