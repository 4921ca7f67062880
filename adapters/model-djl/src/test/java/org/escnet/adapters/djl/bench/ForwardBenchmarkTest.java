package org.escnet.adapters.djl.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
                .contains("of the matmul rate").contains("VmHWM");
    }
}
