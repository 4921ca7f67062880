package org.escnet.webui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.GridOverview;
import org.escnet.application.services.table.AblationTable;

/**
 * A grid's page: its progress and the ablation table as a paper prints it, with sorting, filtering, grouping, a
 * baseline and exports. Every setting is a query parameter, so the page works without JavaScript; htmx swaps only
 * the table when a setting changes.
 */
@Path("/grids/{id}")
@Produces(MediaType.TEXT_HTML)
public class GridPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance grid(GridLine grid, TableView view, int maxRuns);

        static native TemplateInstance grid$progress(GridLine grid);
    }

    @Inject
    BrowseRuns browse;
    @Inject
    AblationTables tables;

    @GET
    public Response page(@PathParam("id") long id, @QueryParam("seeds") String seeds, @QueryParam("baseline") String baseline,
                         @QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("filter") String filter,
                         @QueryParam("group") String group, @QueryParam("page") @DefaultValue("0") int page) {
        Optional<GridOverview> grid = browse.grid(id);
        TableQuery query = new TableQuery(seeds, baseline, sort, dir, filter, group, page);
        Optional<AblationTable> table = tables.table(id, query.options());
        if (grid.isEmpty() || table.isEmpty()) {
            return NotFoundPage.response("grid " + id + " does not exist");
        }
        return Response.ok(Templates.grid(GridLine.of(grid.get()), TableView.of(table.get(), query), tables.maxRuns())).build();
    }

    /** The progress line alone, polled while runs are queued or running. */
    @GET
    @Path("progress")
    public Response progress(@PathParam("id") long id) {
        return browse.grid(id).map(g -> Response.ok(Templates.grid$progress(GridLine.of(g))).build())
                .orElseGet(() -> NotFoundPage.response("grid " + id + " does not exist"));
    }
}
