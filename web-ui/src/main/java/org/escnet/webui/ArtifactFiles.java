package org.escnet.webui;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.util.Optional;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.out.ArtifactRecord;

/**
 * Serves a run's artifact files (the qualitative PNGs). Only files registered as artifacts of that run are served, by
 * their recorded location: a path that is not registered answers 404, so no request can read any other file.
 */
@Path("/runs/{id}/artifacts")
public class ArtifactFiles {
    @Inject
    BrowseRuns browse;

    @GET
    @Path("{path: .+}")
    public Response file(@PathParam("id") long id, @PathParam("path") String path) {
        Optional<ArtifactRecord> artifact = browse.artifacts(id).stream().filter(a -> a.path().equals(path)).findFirst();
        if (artifact.isEmpty()) {
            return Response.status(404).type("text/plain").entity("run " + id + " has no artifact '" + path + "'").build();
        }
        File file = new File(artifact.get().file());
        if (!file.isFile()) {
            return Response.status(404).type("text/plain")
                    .entity("artifact '" + path + "' of run " + id + " is registered but its file is missing").build();
        }
        String type = artifact.get().mediaType() == null ? "application/octet-stream" : artifact.get().mediaType();
        return Response.ok(file, type).header("Cache-Control", "private, max-age=3600")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
