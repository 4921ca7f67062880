package org.escnet.adapters.djl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.escnet.adapters.djl.escnet.ClassChunking;
import org.junit.jupiter.api.Test;

/** The report's structure on the tiny preset (times are never asserted). */
class ForwardBenchmarkTest {
    @Test
    void tinyPresetReportsModelBaselineAndMachineFigures() {
        ForwardBenchmark.Report r = ForwardBenchmark.run("escnet-tiny", 4, 1);
        assertThat(r.model().preset()).isEqualTo("escnet-tiny");
        assertThat(r.baseline().preset()).isEqualTo("catseg-tiny");
        assertThat(r.model().medianMs()).isPositive();
        assertThat(r.baseline().medianMs()).isPositive();
        assertThat(r.model().macsCachedText()).isGreaterThan(r.baseline().macsCachedText());
        assertThat(r.model().macsExecuted()).isPositive().isLessThan(r.model().macsCachedText());
        assertThat(r.matmulGflops()).isPositive().isLessThanOrEqualTo(r.matmulBestGflops());
        assertThat(r.peakRssMiB()).isPositive();
        assertThat(r.toText()).contains("escnet-tiny").contains("catseg-tiny").contains("latency ratio")
                .contains("MAC ratio").contains("executed GMAC").contains("fp32 matmul 2048x2048")
                .contains("of the matmul rate").contains("VmHWM").contains("per stage");
        // every stage of Fig. 2 is timed; the baseline has no prompts and no SAM blocks
        assertThat(r.model().stageMs()).containsKeys("clip.vision", "stems", "ppg", "prompt_encoder", "sam_blocks",
                "guidance", "vlf", "decoder");
        assertThat(r.model().stageMs().values()).allMatch(ms -> ms > 0);
        assertThat(r.baseline().stageMs()).containsKeys("clip.vision", "stems", "guidance", "vlf", "decoder")
                .doesNotContainKeys("ppg", "prompt_encoder", "sam_blocks");
        double staged = r.model().stageMs().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(staged).isLessThanOrEqualTo(r.model().medianMs() * 1.5); // medians of parts vs median of wholes
        assertThat(r.toText()).contains("4 classes (class cap 256: all go on)");
    }

    @Test
    void classCapLimitsTheClassesThatGoOnAndZeroLiftsIt() {
        ForwardBenchmark.Report capped = ForwardBenchmark.run("catseg-tiny", 6, 1, ClassChunking.DEFAULT, 2);
        ForwardBenchmark.Report all = ForwardBenchmark.run("catseg-tiny", 6, 1, ClassChunking.DEFAULT, 0);
        // the per-class head runs for 2 classes instead of 6, the CLIP image tower alike for both
        assertThat(capped.model().stageMacs().get("vlf") * 3).isEqualTo(all.model().stageMacs().get("vlf"));
        assertThat(capped.model().stageMacs().get("clip.vision")).isEqualTo(all.model().stageMacs().get("clip.vision"));
        assertThat(capped.toText()).contains("6 classes (class cap 2: the 2 best per image go on)");
        assertThat(all.toText()).contains("6 classes (no class cap)");
        assertThatThrownBy(() -> ForwardBenchmark.run("catseg-tiny", 6, 1, ClassChunking.DEFAULT, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--class-cap");
    }
}
