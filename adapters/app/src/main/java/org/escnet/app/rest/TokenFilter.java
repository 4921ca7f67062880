package org.escnet.app.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * When {@code escnet.api.token} is set, every mutating request needs {@code Authorization: Bearer <token>} (or, from
 * the dashboard, the session cookie set by {@code /login}). Reads stay open so the dashboard and health checks work;
 * the loopback default needs no token.
 */
public class TokenFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ConfigProperty(name = "escnet.api.token")
    Optional<String> token;

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        Optional<String> expected = token.filter(t -> !t.isBlank());
        if (expected.isEmpty() || SAFE.contains(request.getMethod())) {
            return Optional.empty();
        }
        if (request.getUriInfo().getPath().equals("/login")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (given == null && request.getCookies().containsKey(LoginResource.COOKIE)) {
            // The dashboard's forms cannot send a header; its session cookie (set by /login) carries the token.
            given = request.getCookies().get(LoginResource.COOKIE).getValue();
        }
        if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(Response.Status.UNAUTHORIZED, "Unauthorized",
                given == null ? "this server requires 'Authorization: Bearer <token>' for changes (escnet.api.token); "
                        + "the CLI reads it from ESCNET_API_TOKEN; in the dashboard, sign in at /login"
                        : "the bearer token does not match escnet.api.token"));
    }
}
