package org.escnet.adapters.djl.escnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.escnet.domain.config.ConfigException;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.model.SamInit;
import org.junit.jupiter.api.Test;

/** A run's ModelSpec starts from its preset: unset fields take the preset's values, explicit ones always win. */
class ArchitectureTest {

    private static ModelSpec spec(String preset, SamInit init, Integer escBlocks, Integer vlfLayers, Integer kernel) {
        ModelSpec d = ModelSpec.DEFAULTS;
        return new ModelSpec(preset, d.prompts(), init, escBlocks, vlfLayers, d.samLayerOrder(), d.fusion(), kernel,
                d.templates(), d.classCap(), d.ppg(), d.weights());
    }

    @Test
    void unsetFieldsTakeThePresetsValues() {
        Architecture esc = Architecture.resolve(spec("escnet-vit-b16", SamInit.RANDOM, null, null, null));
        assertThat(esc.samBlocks()).isEqualTo(4);
        assertThat(esc.vlfLayers()).isEqualTo(4);
        assertThat(esc.corrKernel()).isEqualTo(1);
        Architecture cat = Architecture.resolve(spec("catseg-vit-b16", SamInit.NONE, null, null, null));
        assertThat(cat.samBlocks()).isZero();
        assertThat(cat.vlfLayers()).isEqualTo(2);
        assertThat(cat.corrKernel()).isEqualTo(7);
    }

    @Test
    void unsetSamInitIsPretrainedForEscNetAndNoneForCatSeg() {
        assertThat(Architecture.resolve(spec("escnet-vit-b16", null, null, null, null)).samInit())
                .isEqualTo(SamInit.PRETRAINED);
        assertThat(Architecture.resolve(spec("catseg-vit-b16", null, null, null, null)).samInit())
                .isEqualTo(SamInit.NONE);
        assertThat(Architecture.resolve(spec("catseg-vit-b16", SamInit.NONE, null, null, null)).samBlocks()).isZero();
    }

    @Test
    void anExplicitSamInitOnCatSegIsRefusedEvenWhenItEqualsTheEscNetDefault() {
        assertThatThrownBy(() -> Architecture.resolve(spec("catseg-vit-b16", SamInit.PRETRAINED, null, null, null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("catseg-vit-b16 is a CAT-Seg baseline without SAM parts")
                .hasMessageContaining("pretrained");
    }

    @Test
    void anExplicitValueWinsEvenWhenItEqualsTheEscNetDefault() {
        // CAT-Seg with ESC-Net's 4 aggregation layers and 1x1 correlation embedding (the spec's hypothesis A16)
        Architecture cat = Architecture.resolve(spec("catseg-vit-b16", SamInit.NONE, null, 4, 1));
        assertThat(cat.vlfLayers()).isEqualTo(4);
        assertThat(cat.corrKernel()).isEqualTo(1);
        // ESC-Net with CAT-Seg's 2 aggregation layers behind its 4 SAM blocks
        Architecture esc = Architecture.resolve(spec("escnet-vit-b16", SamInit.RANDOM, 4, 2, 7));
        assertThat(esc.samBlocks()).isEqualTo(4);
        assertThat(esc.vlfLayers()).isEqualTo(2);
        assertThat(esc.corrKernel()).isEqualTo(7);
        assertThat(esc.stages()).isEqualTo(4);
    }
}
