package org.escnet.adapters.mlflow;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the MLflow tracking server is and how to authenticate (configuration {@code escnet.mlflow.*}).
 *
 * @param trackingUri base URL of the tracking server, e.g. {@code http://localhost:5000} (a path prefix is kept)
 * @param token       bearer token, or null
 * @param username    basic-auth user, or null (then {@code password} is null too)
 * @param password    basic-auth password, or null
 * @param timeout     longest wait for one answer; short, so a hung server never holds the relay for long
 */
public record MlflowSettings(URI trackingUri, String token, String username, String password, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

    public MlflowSettings {
        if (trackingUri == null) {
            throw new IllegalArgumentException(
                    "escnet.mlflow.tracking-uri is required (an http or https URL such as http://localhost:5000), found none");
        }
        String scheme = trackingUri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || trackingUri.getHost() == null) {
            throw new IllegalArgumentException("escnet.mlflow.tracking-uri must be an http or https URL with a host, "
                    + "such as http://localhost:5000, found '" + trackingUri + "'");
        }
        if (trackingUri.getRawQuery() != null || trackingUri.getRawFragment() != null) {
            throw new IllegalArgumentException("escnet.mlflow.tracking-uri takes no query or fragment, found '"
                    + trackingUri + "'");
        }
        trackingUri = withoutTrailingSlash(trackingUri);
        token = blankToNull(token);
        username = blankToNull(username);
        password = blankToNull(password);
        if (token != null && (username != null || password != null)) {
            throw new IllegalArgumentException("set either escnet.mlflow.token or escnet.mlflow.username and "
                    + "escnet.mlflow.password, found both");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("escnet.mlflow.username and escnet.mlflow.password go together, found only "
                    + (username == null ? "the password" : "the username"));
        }
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the MLflow timeout must be above 0 and at most " + MAX_TIMEOUT.toSeconds()
                    + " s (a few seconds is best), found " + timeout);
        }
    }

    /** From configuration text; the timeout may be null for {@link #DEFAULT_TIMEOUT}. */
    public static MlflowSettings of(String trackingUri, String token, String username, String password,
                                    Duration timeout) {
        if (trackingUri == null || trackingUri.isBlank()) {
            return new MlflowSettings(null, token, username, password, timeout);
        }
        try {
            return new MlflowSettings(new URI(trackingUri.strip()), token, username, password, timeout);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("escnet.mlflow.tracking-uri is not a valid URL: '" + trackingUri + "' ("
                    + e.getReason() + ")", e);
        }
    }

    /** The tracking URL without a trailing slash, as the MLflow client expects its host. */
    public String baseUrl() {
        return trackingUri.toString();
    }

    /** The {@code Authorization} header value the tracking calls carry, if credentials are set. */
    public Optional<String> authorizationHeader() {
        if (token != null) {
            return Optional.of("Bearer " + token);
        }
        if (username != null) {
            return Optional.of("Basic " + java.util.Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    /** Never prints secrets: this text ends up in logs. */
    @Override
    public String toString() {
        String auth = token != null ? "bearer token" : username != null ? "basic auth as " + username : "no auth";
        return "MlflowSettings[" + trackingUri + ", " + auth + ", timeout " + timeout + "]";
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
