package org.escnet.app.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.escnet.application.ports.in.NotFoundException;
import org.escnet.domain.experiment.IllegalTransitionException;
import org.escnet.domain.config.ConfigException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of the API into a problem document whose message says what is wrong and where. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @ServerExceptionMapper
    public Response invalidGrid(ConfigException e) {
        return Problem.response(new Problem("about:blank", "Invalid grid", 400, e.getMessage(),
                e.path().isEmpty() ? null : e.path(), e.line() > 0 ? e.line() : null, e.source()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(Response.Status.NOT_FOUND, "Not found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(IllegalTransitionException e) {
        return Problem.response(Response.Status.CONFLICT, "Not allowed in the run's current status", e.getMessage());
    }

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() && original.getMediaType() != null
                && original.getMediaType().toString().startsWith(Problem.MEDIA_TYPE)) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        return Problem.response(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                e.getMessage(), null, null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected error in the API", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal error",
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
