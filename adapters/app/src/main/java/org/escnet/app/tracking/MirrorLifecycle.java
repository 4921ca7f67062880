package org.escnet.app.tracking;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.escnet.adapters.mlflow.MlflowMirror;
import org.escnet.adapters.mlflow.MlflowSettings;
import org.escnet.application.ports.out.TrackingOutbox;
import org.escnet.application.services.TrackingRelay;

/**
 * When {@code escnet.mlflow.tracking-uri} is set, mirrors every run to MLflow: the tracker fills the outbox and this
 * relay delivers it, in order, whenever MLflow is reachable.
 */
@ApplicationScoped
public class MirrorLifecycle {
    @ConfigProperty(name = "escnet.mlflow.tracking-uri")
    Optional<String> trackingUri;
    @ConfigProperty(name = "escnet.mlflow.token")
    Optional<String> token;
    @ConfigProperty(name = "escnet.mlflow.username")
    Optional<String> username;
    @ConfigProperty(name = "escnet.mlflow.password")
    Optional<String> password;
    @ConfigProperty(name = "escnet.mlflow.timeout", defaultValue = "5s")
    Duration timeout;
    @ConfigProperty(name = "escnet.mlflow.relay-idle", defaultValue = "1s")
    Duration idle;

    @Inject
    TrackingOutbox outbox;

    private MlflowMirror mirror;
    private TrackingRelay relay;

    void start(@Observes StartupEvent event) {
        if (trackingUri.filter(u -> !u.isBlank()).isEmpty()) {
            return;
        }
        mirror = new MlflowMirror(MlflowSettings.of(trackingUri.get(), token.orElse(null), username.orElse(null),
                password.orElse(null), timeout));
        relay = new TrackingRelay(outbox, mirror, idle.toMillis());
        relay.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
        if (mirror != null) {
            mirror.close();
        }
    }

    /** The relay, when mirroring is on (tests deliver through it). */
    public Optional<TrackingRelay> relay() {
        return Optional.ofNullable(relay);
    }
}
