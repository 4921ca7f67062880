package org.escnet.adapters.djl.escnet;

import static org.assertj.core.api.Assertions.assertThat;

import org.escnet.adapters.djl.decoder.UpsamplingDecoder;
import org.escnet.adapters.djl.escnet.ParameterGroups.Group;
import org.escnet.adapters.djl.sam.SamPromptEncoder;
import org.escnet.adapters.djl.sam.SamTwoWayBlock;
import org.escnet.adapters.djl.vlf.VlfLayer;
import org.junit.jupiter.api.Test;

/** Parameter counts against ESC-NET-SPEC §4 (arithmetic from layer shapes, checked against the PyTorch modules). */
class ParameterCountTest {

    @Test
    void buildingBlocksMatchSpecTable41() {
        assertThat(ParameterCounts.learnable(new SamTwoWayBlock(false))).isEqualTo(1_579_520L);
        SamPromptEncoder prompt = new SamPromptEncoder();
        assertThat(ParameterCounts.learnable(prompt)).isEqualTo(6_220L);
        assertThat(ParameterCounts.constants(prompt)).isEqualTo(2 * 128L); // the gaussian matrix, reported apart
        assertThat(ParameterCounts.learnable(new VlfLayer(128, 128, 128, 4, 24, 12, 256, 2))).isEqualTo(677_120L);
        UpsamplingDecoder decoder = new UpsamplingDecoder(768, 128);
        long skips = ParameterCounts.learnable(decoder, "skip_up") + ParameterCounts.learnable(decoder,
                "decoder_guidance");
        assertThat(ParameterCounts.learnable(decoder) - skips).isEqualTo(200_497L);
        // skip ConvTs 786,688 + 1,572,992 and decoder guidance 92,208 (ViT-B, §4.2)
        assertThat(skips).isEqualTo(786_688L + 1_572_992L + 92_208L);
    }

    @Test
    void escNetViTB16MatchesSpec() {
        EscNetNetwork net = EscNetFactory.create(Specs.of("escnet-vit-b16"));
        assertThat(ParameterCounts.learnable(net)).isEqualTo(163_212_206L);
        assertThat(ParameterCounts.learnable(net, "clip.")).isEqualTo(149_620_737L);
        ParameterGroups groups = ParameterGroups.of(net);
        // §4.3: 2e-4 group 7,265,889; 2e-6 group CLIP q/v 20,447,232 + SAM 6,325,580, less the tensors no loss can
        // reach: the last vision q (768²), the negative-point, box-corner and no-mask embeddings (4 × 256)
        assertThat(groups.count(Group.HIGH)).isEqualTo(7_265_889L);
        assertThat(groups.count(Group.LOW)).isEqualTo(20_447_232L + 6_325_580L - 768L * 768 - 4 * 256);
    }

    @Test
    void escNetViTL14MatchesSpec() {
        EscNetNetwork net = EscNetFactory.create(Specs.of("escnet-vit-l14-336"));
        assertThat(ParameterCounts.learnable(net)).isEqualTo(442_420_398L);
        assertThat(ParameterGroups.of(net).count(Group.HIGH)).isEqualTo(8_150_625L);
    }

    @Test
    void catSegBaselinesMatchSpecTable42() {
        assertThat(ParameterCounts.learnable(EscNetFactory.create(Specs.of("catseg-vit-b16"))))
                .isEqualTo(154_289_378L);
        assertThat(ParameterCounts.learnable(EscNetFactory.create(Specs.of("catseg-vit-l14-336"))))
                .isEqualTo(433_726_946L);
    }
}
