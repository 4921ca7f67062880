package org.escnet.adapters.djl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** MAC formulas against ESC-NET-SPEC §5 (ViT-B/16 at 384, batch 1, 171 classes, single view, pooling 1x1). */
class ModelSummaryTest {

    private static Map<String, Double> gmac(ModelSummary s) {
        return s.modules().stream().collect(Collectors.toMap(ModelSummary.Module::name, m -> m.macs() / 1e9));
    }

    @Test
    void escNetViTB16At171ClassesMatchesSpecSection5() {
        ModelSummary s = ModelSummary.of("escnet-vit-b16", 171);
        Map<String, Double> g = gmac(s);
        assertThat(g.get("clip.vision")).isCloseTo(55.7, within(0.05));
        assertThat(g.get("clip.text")).isCloseTo(509.5, within(0.3));
        assertThat(g.get("sam_blocks") - 4 * 0.0755).isCloseTo(64.7, within(0.1)); // fusions are "fixed" in §5
        assertThat(g.get("vlf")).isCloseTo(293.7, within(0.1));
        assertThat(g.get("prompt_encoder")).isCloseTo(0.43, within(0.01));
        assertThat(s.macsTotal() / 1e9).isCloseTo(1024, within(1.0));
        assertThat(s.macsTotal() / 1e9 - g.get("clip.text")).isCloseTo(515, within(1.0));
        assertThat(s.totalParams()).isEqualTo(163_212_206L);
        assertThat(s.trainableParams().get("high")).isEqualTo(7_265_889L);
    }

    @Test
    void perClassSlopeIsSpecs267GmacWithCachedText() {
        ModelSummary a = ModelSummary.of("escnet-vit-b16", 100);
        ModelSummary b = ModelSummary.of("escnet-vit-b16", 101);
        double slope = (b.macsTotal() - a.macsTotal()) / 1e9 - 2.98;
        assertThat(slope).isCloseTo(2.67, within(0.01));
        // N_c' = min(N_c, 256) caps the per-class terms: beyond 256 only the text encoder and Eq. 1 grow
        double beyond = (ModelSummary.of("escnet-vit-b16", 301).macsTotal()
                - ModelSummary.of("escnet-vit-b16", 300).macsTotal()) / 1e9;
        assertThat(beyond).isCloseTo(2.98, within(0.01));
    }

    @Test
    void viTL14ImageEncoderAndCatSegBaselineMatchSpec() {
        assertThat(gmac(ModelSummary.of("escnet-vit-l14-336", 171)).get("clip.vision")).isCloseTo(191.4,
                within(0.1));
        ModelSummary cat = ModelSummary.of("catseg-vit-b16", 171);
        assertThat(cat.macsTotal() / 1e9).isCloseTo(811.5, within(1.0));
        double delta = (ModelSummary.of("escnet-vit-b16", 171).macsTotal() - cat.macsTotal()) / 1e9;
        assertThat(delta).isCloseTo(213, within(1.0));
        assertThat(cat.totalParams()).isEqualTo(154_289_378L);
    }

    @Test
    void jsonAndTextCarryTheFields() {
        ModelSummary s = ModelSummary.of("escnet-tiny", 8);
        assertThat(s.toJson()).startsWith("{").contains("\"total_params\":" + s.totalParams())
                .contains("\"trainable_params\":{\"low\":").contains("\"macs_total\":")
                .contains("{\"name\":\"vlf\",\"params\":");
        assertThat(s.toText()).contains("sam_blocks").contains("lr group high");
    }
}
