package org.escnet.webui;

import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;

/**
 * Refuses form posts that another site made the browser send (cross-site request forgery): a browser names the page a
 * form came from in {@code Origin} (or, failing that, {@code Referer}); it must be this server.
 */
final class SameOrigin {
    private SameOrigin() {
    }

    static boolean allows(HttpHeaders headers) {
        String host = headers.getHeaderString("Host");
        String origin = headers.getHeaderString("Origin");
        if (origin == null || origin.equals("null")) {
            origin = headers.getHeaderString("Referer");
        }
        if (origin == null || host == null) {
            // Non-browser clients (curl, the CLI) send neither; the API token filter guards them.
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
