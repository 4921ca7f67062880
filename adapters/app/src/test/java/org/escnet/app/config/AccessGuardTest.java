package org.escnet.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessGuardTest {
    @Test
    void loopbackNeedsNoToken() {
        assertThat(AccessGuard.refusal("127.0.0.1", true, Optional.empty())).isEmpty();
        assertThat(AccessGuard.refusal("localhost", true, Optional.empty())).isEmpty();
        assertThat(AccessGuard.refusal("::1", true, Optional.empty())).isEmpty();
    }

    @Test
    void anyOtherAddressWithoutATokenIsRefusedSayingWhy() {
        assertThat(AccessGuard.refusal("0.0.0.0", true, Optional.empty())).get().asString()
                .contains("refusing to listen on 0.0.0.0").contains("ESCNET_API_TOKEN");
        assertThat(AccessGuard.refusal("0.0.0.0", true, Optional.of("  "))).isPresent();
        assertThat(AccessGuard.refusal("0.0.0.0", true, Optional.of("s3cret"))).isEmpty();
    }

    @Test
    void aWorkerThatDoesNotListenNeedsNoToken() {
        assertThat(AccessGuard.refusal("0.0.0.0", false, Optional.empty())).isEmpty();
    }
}
