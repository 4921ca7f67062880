package org.escnet.adapters.djl.sam;

import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.escnet.adapters.djl.ops.ParameterPaths;
import org.escnet.adapters.djl.weights.NamedParameterCopier;
import org.escnet.adapters.djl.weights.TensorSource;

/**
 * Copies a SAM checkpoint into the SAM-initialised parts of ESC-Net (ESC-NET-SPEC §6.2, A2): the prompt encoder, the
 * output tokens, and ESC block i ← decoder layer {@code layerOrder[i]}. Either naming is accepted; a missing or
 * mis-shaped tensor fails with its name and both shapes, before anything is copied into that part.
 */
public final class SamCheckpointLoader {
    private static final String HINT = "Expected a SAM checkpoint (sam_vit_b/l/h or facebook/sam-vit-*) converted to "
            + "safetensors; the image encoder tensors may be present and are ignored.";

    private SamCheckpointLoader() {
    }

    /** Loads every part; blocks and layerOrder have the same length. Returns the number of tensors copied. */
    public static int load(TensorSource source, SamPromptEncoder promptEncoder, SamOutputTokens outputTokens,
                           List<SamTwoWayBlock> blocks, List<Integer> layerOrder) {
        if (blocks.size() != layerOrder.size()) {
            throw new IllegalArgumentException("SAM layer order lists " + layerOrder.size() + " layers for "
                    + blocks.size() + " ESC blocks: give one decoder layer per block");
        }
        SamNaming naming = SamNaming.of(source);
        int copied = 0;
        Map<String, Parameter> prompt = new LinkedHashMap<>();
        ParameterPaths.of(promptEncoder).forEach((path, p) -> prompt.put(naming.promptEncoderKey(path, source), p));
        ParameterPaths.of(outputTokens).forEach((path, p) -> prompt.put(naming.outputTokenKey(path), p));
        copied += NamedParameterCopier.copy(prompt, source, name -> true, "the SAM prompt encoder and output tokens",
                HINT).tensorsCopied();
        for (int i = 0; i < blocks.size(); i++) {
            int layer = layerOrder.get(i);
            Map<String, Parameter> targets = new LinkedHashMap<>();
            ParameterPaths.of(blocks.get(i)).forEach((path, p) -> targets.put(naming.blockKey(layer, path), p));
            copied += NamedParameterCopier.copy(targets, source, name -> true,
                    "ESC block " + (i + 1) + " (a copy of SAM decoder layer " + layer + ")", HINT).tensorsCopied();
        }
        return copied;
    }
}
