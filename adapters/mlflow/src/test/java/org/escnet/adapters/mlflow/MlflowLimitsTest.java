package org.escnet.adapters.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MlflowLimitsTest {

    @Test
    void keysMlflowAcceptsStayAsTheyAre() {
        assertThat(MlflowLimits.key("train/loss")).isEqualTo("train/loss");
        assertThat(MlflowLimits.key("eval/ade150/mIoU")).isEqualTo("eval/ade150/mIoU");
        assertThat(MlflowLimits.key("model.decoder.depth-2 x")).isEqualTo("model.decoder.depth-2 x");
    }

    @Test
    void rejectedCharactersBecomeUnderscores() {
        assertThat(MlflowLimits.key("prompt.points[0]")).isEqualTo("prompt.points_0_");
        assertThat(MlflowLimits.key("lr:backbone")).isEqualTo("lr:backbone".replace(':', '_'));
        assertThat(MlflowLimits.key("größe")).isEqualTo("gr__e");
    }

    @Test
    void keysBecomeNormalisedRelativePaths() {
        assertThat(MlflowLimits.key("/abs/key/")).isEqualTo("abs/key");
        assertThat(MlflowLimits.key("a//b")).isEqualTo("a/b");
        assertThat(MlflowLimits.key("a/./b/../c")).isEqualTo("a/_/b/__/c");
        assertThat(MlflowLimits.key("")).isEqualTo("_");
        assertThat(MlflowLimits.key("///")).isEqualTo("_");
    }

    @Test
    void longKeysAreCutTo250Characters() {
        String key = "k".repeat(300);
        assertThat(MlflowLimits.key(key)).hasSize(250);
        // A cut that would leave a trailing slash drops it too.
        assertThat(MlflowLimits.key("k".repeat(249) + "/tail")).isEqualTo("k".repeat(249));
    }

    @Test
    void longParamValuesAreCutWithAMarker() {
        String value = "x".repeat(7000);
        String cut = MlflowLimits.paramValue(value);
        assertThat(cut).hasSize(6000).endsWith("...[truncated]");
        assertThat(cut).startsWith("x".repeat(6000 - "...[truncated]".length()));
        assertThat(MlflowLimits.paramValue("x".repeat(6000))).isEqualTo("x".repeat(6000));
        assertThat(MlflowLimits.paramValue(null)).isEmpty();
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        // 4985 'a' then an emoji (2 chars) would put the cut between its two halves.
        String value = "a".repeat(4985) + "\uD83D\uDE00" + "b".repeat(100);
        String cut = MlflowLimits.tagValue(value);
        assertThat(cut).isEqualTo("a".repeat(4985) + "...[truncated]");
        assertThat(cut.length()).isLessThanOrEqualTo(5000);
    }
}
