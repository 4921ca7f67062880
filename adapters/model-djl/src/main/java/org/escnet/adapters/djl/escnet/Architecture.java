package org.escnet.adapters.djl.escnet;

import java.util.ArrayList;
import java.util.List;
import org.escnet.domain.config.ConfigException;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.prompts.PpgSpec;
import org.escnet.domain.model.SamInit;

/**
 * A {@link ModelSpec} resolved against its preset: what {@link EscNetNetwork} builds. A spec field left unset (null)
 * takes the preset's value (so {@code preset: catseg-vit-b16} alone gives CAT-Seg's 2 layers, 7x7 embedding and no
 * SAM); an explicit value always overrides the preset, even one equal to another preset's default.
 *
 * @param samBlocks  SAM refinements (0 for CAT-Seg and for sam-init none)
 * @param vlfLayers  VLF layers
 * @param layerOrder the SAM decoder layer of each SAM block
 */
public record Architecture(NetworkPreset preset, SamInit samInit, int samBlocks, int vlfLayers,
                           List<Integer> layerOrder, int corrKernel, List<String> templates, int classCap,
                           String prompts, PpgSpec ppg) {

    public static Architecture resolve(ModelSpec spec) {
        NetworkPreset preset;
        try {
            preset = NetworkPreset.byName(spec.preset());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("preset", e.getMessage());
        }
        // unset (null) means the preset's value; any explicit value wins, whatever preset's default it equals
        int vlf = spec.vlfLayers() == null ? preset.layers() : spec.vlfLayers();
        int kernel = spec.corrEmbedKernel() == null ? preset.corrKernel() : spec.corrEmbedKernel();
        if (!preset.samHead() && spec.samInit() != null && spec.samInit() != SamInit.NONE) {
            throw new ConfigException("sam-init", "preset " + preset.name() + " is a CAT-Seg baseline without SAM "
                    + "parts, found sam-init " + spec.samInit().name().toLowerCase());
        }
        SamInit init = !preset.samHead() ? SamInit.NONE
                : spec.samInit() == null ? SamInit.PRETRAINED : spec.samInit();
        int esc = spec.escBlocks() == null ? preset.layers() : spec.escBlocks();
        int sam = init == SamInit.NONE ? 0 : esc;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sam; i++) {
            order.add(spec.samLayerOrder().get(i % spec.samLayerOrder().size()));
        }
        return new Architecture(preset, init, sam, vlf, List.copyOf(order), kernel, spec.templates(), spec.classCap(),
                spec.prompts(), spec.ppg());
    }

    /** Stages of Fig. 2: max(SAM blocks, VLF layers). */
    public int stages() {
        return Math.max(samBlocks, vlfLayers);
    }

    /** True when stage i has a VLF layer: the layers are spread evenly and the last stage always has one. */
    public boolean hasVlf(int stage) {
        int n = stages();
        return (long) (stage + 1) * vlfLayers / n > (long) stage * vlfLayers / n;
    }

    public boolean hasSam(int stage) {
        return stage < samBlocks;
    }
}
