package org.escnet.app.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document: what every API error answers, as {@code application/problem+json}.
 *
 * @param key  the configuration key at fault, for invalid grids
 * @param line the line of that key in the submitted document (or its base file), when known
 * @param source the file the line is in, when it is a base file rather than the submitted document
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String key, Integer line, String source) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String title, String detail) {
        return response(new Problem("about:blank", title, status.getStatusCode(), detail, null, null, null));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }
}
