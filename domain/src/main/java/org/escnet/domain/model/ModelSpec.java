package org.escnet.domain.model;

import org.escnet.domain.prompts.PpgSpec;
import java.util.List;
import org.escnet.domain.config.ConfigException;

/**
 * Everything that determines an ESC-Net network: a preset plus overrides. Each [R] choice of ESC-NET-SPEC is a field
 * here with the spec's choice as its default, so a grid can ablate it and every run logs it.
 *
 * @param preset          architecture preset: {@code escnet-vit-b16}, {@code escnet-vit-l14-336}, {@code escnet-tiny},
 *                        or a CAT-Seg baseline ({@code catseg-vit-b16}, {@code catseg-vit-l14-336})
 * @param prompts         pseudo-prompt strategy by name, e.g. {@code points+masks} (the paper's default)
 * @param samInit         pretrained, random or none ("W/O SAM"); null = the preset's (pretrained for ESC-Net, none
 *                        for CAT-Seg, which has no SAM parts)
 * @param escBlocks       N, the number of ESC blocks (SAM block + fusion + VLF); null = the preset's (4 for
 *                        ESC-Net, 2 for CAT-Seg)
 * @param vlfLayers       VLF layers (A16); null = the preset's (4 for ESC-Net, 2 for CAT-Seg)
 * @param samLayerOrder   which SAM decoder layer each ESC block copies (A2)
 * @param fusion          the form of Eq. 2 (A3)
 * @param corrEmbedKernel kernel of the correlation embedding conv (A15); null = the preset's (1 for ESC-Net as the
 *                        paper, 7 for CAT-Seg). An explicit value always wins, even one equal to another preset's
 *                        default: {@code vlf-layers: 4} on a CAT-Seg preset gives 4 layers.
 * @param templates       prompt templates with {} for the class name (A17)
 * @param classCap        at most this many classes per image go past the correlation (A23); 0 = no cap
 * @param ppg             pseudo prompt generator settings
 * @param weights         weight files
 */
public record ModelSpec(
        String preset,
        String prompts,
        SamInit samInit,
        Integer escBlocks,
        Integer vlfLayers,
        List<Integer> samLayerOrder,
        FusionForm fusion,
        Integer corrEmbedKernel,
        List<String> templates,
        int classCap,
        PpgSpec ppg,
        WeightPaths weights) {

    public static final ModelSpec DEFAULTS = new ModelSpec(
            "escnet-vit-b16", "points+masks", null, null, null, List.of(0, 1, 0, 1), FusionForm.TIED_MEAN,
            null, List.of("A photo of a {} in the scene"), 256, PpgSpec.DEFAULTS, WeightPaths.DEFAULTS);

    public ModelSpec {
        if (preset == null || preset.isBlank()) {
            throw new ConfigException("preset", "a preset name is required");
        }
        if (prompts == null || prompts.isBlank()) {
            throw new ConfigException("prompts", "a prompt strategy name is required, e.g. points+masks");
        }
        if (escBlocks != null && escBlocks < 0) {
            throw new ConfigException("esc-blocks", "must be 0 or more, found " + escBlocks);
        }
        if (vlfLayers != null && vlfLayers < 1) {
            throw new ConfigException("vlf-layers", "must be at least 1, found " + vlfLayers);
        }
        if (samLayerOrder == null || samLayerOrder.isEmpty()) {
            throw new ConfigException("sam-layer-order", "must list at least one SAM decoder layer");
        }
        for (Integer layer : samLayerOrder) {
            if (layer == null || layer < 0 || layer > 1) {
                throw new ConfigException("sam-layer-order", "SAM decoders have layers 0 and 1, found " + layer);
            }
        }
        if (corrEmbedKernel != null && (corrEmbedKernel < 1 || corrEmbedKernel % 2 == 0)) {
            throw new ConfigException("corr-embed-kernel", "must be an odd kernel size, found " + corrEmbedKernel);
        }
        if (templates == null || templates.isEmpty()) {
            throw new ConfigException("templates", "at least one template is required");
        }
        for (String t : templates) {
            if (t == null || !t.contains("{}")) {
                throw new ConfigException("templates", "every template needs a {} for the class name, found '" + t + "'");
            }
        }
        if (classCap < 0) {
            throw new ConfigException("class-cap", "must be 0 (off) or positive, found " + classCap);
        }
        samLayerOrder = List.copyOf(samLayerOrder);
        templates = List.copyOf(templates);
        if (ppg == null) {
            ppg = PpgSpec.DEFAULTS;
        }
        if (weights == null) {
            weights = WeightPaths.DEFAULTS;
        }
    }

    /** This spec with another class cap (0 = every class goes past the correlation). */
    public ModelSpec withClassCap(int cap) {
        return new ModelSpec(preset, prompts, samInit, escBlocks, vlfLayers, samLayerOrder, fusion, corrEmbedKernel,
                templates, cap, ppg, weights);
    }
}
