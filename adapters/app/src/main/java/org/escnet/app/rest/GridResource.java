package org.escnet.app.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.escnet.app.worker.WorkerLifecycle;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.ManageRuns;
import org.escnet.application.ports.in.NotFoundException;
import org.escnet.application.ports.in.SubmitGrid;
import org.escnet.application.ports.in.SubmitGridCommand;
import org.escnet.application.ports.in.SubmitGridResult;
import org.escnet.application.ports.out.PageRequest;
import org.escnet.domain.experiment.RunStatus;

/** Grids: submit, list, inspect, rerun failed cells, cancel. */
@Path("/api/grids")
@Produces(MediaType.APPLICATION_JSON)
public class GridResource {
    @Inject
    SubmitGrid submitGrid;
    @Inject
    ManageRuns manageRuns;
    @Inject
    BrowseRuns browse;
    @Inject
    WorkerLifecycle workers;
    @ConfigProperty(name = "escnet.grid.base-dir")
    java.nio.file.Path defaultBaseDir;

    /** What POST /api/grids answers. {@code preview} lists the cells on a dry run only. */
    public record SubmitView(long id, String name, int cells, int created, int existing, boolean dryRun,
                             java.util.List<SubmitGridResult.CellPreview> preview) {
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_JSON})
    public Response submit(String body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                           @QueryParam("baseDir") String baseDir, @QueryParam("source") String source) {
        java.nio.file.Path base = baseDir == null || baseDir.isBlank() ? defaultBaseDir : java.nio.file.Path.of(baseDir);
        if (!Files.isDirectory(base)) {
            throw new IllegalArgumentException("baseDir '" + base + "' is not a folder on the server");
        }
        SubmitGridResult result = submitGrid.submit(new SubmitGridCommand(body == null ? "" : body, source, base, dryRun));
        SubmitView view = new SubmitView(result.gridId(), result.name(), result.cells(), result.created(),
                result.existing(), result.dryRun(), result.dryRun() ? result.preview() : null);
        if (dryRun) {
            return Response.ok(view).build();
        }
        if (result.created() > 0) {
            workers.worker().ifPresent(w -> w.nudge());
        }
        return Response.created(URI.create("/api/grids/" + result.gridId())).entity(view).build();
    }

    @GET
    public ApiViews.PageView<ApiViews.GridView> list(@QueryParam("page") @DefaultValue("0") int page,
                                                     @QueryParam("size") @DefaultValue("50") int size) {
        return ApiViews.PageView.of(browse.grids(new PageRequest(page, size)).map(ApiViews.GridView::of));
    }

    @GET
    @Path("{id}")
    public ApiViews.GridDetailView get(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page,
                                       @QueryParam("size") @DefaultValue("100") int size,
                                       @QueryParam("status") String status) {
        var grid = browse.grid(id).orElseThrow(() -> new NotFoundException("grid", id));
        RunStatus filter = parseStatus(status);
        var runs = browse.runs(id, filter, new PageRequest(page, size)).map(ApiViews.RunView::of);
        return new ApiViews.GridDetailView(ApiViews.GridView.of(grid), ApiViews.PageView.of(runs));
    }

    @POST
    @Path("{id}/rerun-failed")
    public ApiViews.RerunView rerunFailed(@PathParam("id") long id) {
        var ids = manageRuns.rerunFailed(id);
        if (!ids.isEmpty()) {
            workers.worker().ifPresent(w -> w.nudge());
        }
        return new ApiViews.RerunView(id, ids.size(), ids);
    }

    @POST
    @Path("{id}/cancel")
    public ApiViews.CancelGridView cancel(@PathParam("id") long id) {
        return new ApiViews.CancelGridView(id, manageRuns.cancelGrid(id));
    }

    static RunStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RunStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be one of " + java.util.Arrays.toString(RunStatus.values())
                    + ", found '" + status + "'");
        }
    }
}
