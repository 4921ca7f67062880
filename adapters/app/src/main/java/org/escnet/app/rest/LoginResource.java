package org.escnet.app.rest;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs a browser in when the API is protected by {@code escnet.api.token}: the token becomes an HttpOnly cookie. */
@Path("/login")
public class LoginResource {
    static final String COOKIE = "escnet_token";

    @ConfigProperty(name = "escnet.api.token")
    Optional<String> token;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String form() {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>ESC-Lab · sign in</title>
                <link rel="stylesheet" href="/static/escnet.css"></head><body><main>
                <h1>Sign in</h1><p>This ESC-Lab server requires its API token for changes.</p>
                <form method="post" action="/login"><label>API token <input type="password" name="token" autofocus
                required></label> <button type="submit">Sign in</button></form></main></body></html>""";
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public Response login(@FormParam("token") String given) {
        Optional<String> expected = token.filter(t -> !t.isBlank());
        if (expected.isEmpty()) {
            return Response.seeOther(URI.create("/")).build();
        }
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.get().getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.UNAUTHORIZED).entity("wrong token").build();
        }
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(given).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/")).cookie(cookie).build();
    }
}
