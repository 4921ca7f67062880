package org.escnet.app.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to expose an unprotected API: binding to anything but a loopback address requires {@code escnet.api.token},
 * because the API can queue and cancel work on every worker of the cluster.
 */
@ApplicationScoped
public class AccessGuard {
    @ConfigProperty(name = "quarkus.http.host")
    String host;
    @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
    boolean listening;
    @ConfigProperty(name = "escnet.api.token")
    Optional<String> token;

    void check(@Observes StartupEvent event) {
        refusal(host, listening, token).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }

    /** Why the server must not start with these settings, if it must not. */
    static Optional<String> refusal(String host, boolean listening, Optional<String> token) {
        if (listening && !isLoopback(host) && token.filter(t -> !t.isBlank()).isEmpty()) {
            return Optional.of("refusing to listen on " + host + " without an API token: anyone who can reach this "
                    + "address could submit or cancel runs. Set ESCNET_API_TOKEN (escnet.api.token), or listen on "
                    + "127.0.0.1 (the default).");
        }
        return Optional.empty();
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
