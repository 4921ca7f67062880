package org.escnet.adapters.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MlflowSettingsTest {

    @Test
    void acceptsAPlainUrlAndDropsTheTrailingSlash() {
        MlflowSettings settings = MlflowSettings.of("http://127.0.0.1:5000/", null, "", null, null);
        assertThat(settings.baseUrl()).isEqualTo("http://127.0.0.1:5000");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.authorizationHeader()).isEmpty();
    }

    @Test
    void keepsAPathPrefix() {
        assertThat(MlflowSettings.of("https://example.org/mlflow", null, null, null, null).baseUrl())
                .isEqualTo("https://example.org/mlflow");
    }

    @Test
    void buildsBearerAndBasicHeaders() {
        assertThat(MlflowSettings.of("http://127.0.0.1:5000", "t0k", null, null, null).authorizationHeader())
                .contains("Bearer t0k");
        // base64("ann:secret") = YW5uOnNlY3JldA==
        assertThat(MlflowSettings.of("http://127.0.0.1:5000", null, "ann", "secret", null).authorizationHeader())
                .contains("Basic YW5uOnNlY3JldA==");
    }

    @Test
    void neverPrintsSecrets() {
        String text = MlflowSettings.of("http://127.0.0.1:5000", null, "ann", "secret", null).toString();
        assertThat(text).contains("basic auth as ann").doesNotContain("secret");
        assertThat(MlflowSettings.of("http://127.0.0.1:5000", "t0k", null, null, null).toString())
                .doesNotContain("t0k");
    }

    @Test
    void badSettingsSayWhatWasExpected() {
        assertThatThrownBy(() -> MlflowSettings.of(" ", null, null, null, null))
                .hasMessageContaining("escnet.mlflow.tracking-uri is required");
        assertThatThrownBy(() -> MlflowSettings.of("localhost:5000", null, null, null, null))
                .hasMessageContaining("http or https URL").hasMessageContaining("localhost:5000");
        assertThatThrownBy(() -> MlflowSettings.of("file:///tmp/mlruns", null, null, null, null))
                .hasMessageContaining("http or https URL");
        assertThatThrownBy(() -> MlflowSettings.of("http://h:5000", "t", "u", "p", null))
                .hasMessageContaining("either escnet.mlflow.token or");
        assertThatThrownBy(() -> MlflowSettings.of("http://h:5000", null, "u", null, null))
                .hasMessageContaining("found only the username");
        assertThatThrownBy(() -> MlflowSettings.of("http://h:5000", null, null, null, Duration.ZERO))
                .hasMessageContaining("timeout").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> MlflowSettings.of("http://h:5000", null, null, null, Duration.ofHours(1)))
                .hasMessageContaining("at most 120 s");
        assertThatThrownBy(() -> MlflowSettings.of("http://h:5000?x=1", null, null, null, null))
                .hasMessageContaining("no query");
    }
}
