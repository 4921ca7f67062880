package org.escnet.webui;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.escnet.application.services.table.AblationTable;
import org.escnet.application.services.table.TableFormat;

/**
 * {@code GET /api/grids/{id}/table?format=latex|markdown|csv}: the ablation table as text, with the grid page's options
 * ({@code seeds=mean|each}, {@code baseline}, {@code sort}, {@code dir}, {@code filter}, {@code group}). An unknown
 * grid answers 404 and an unknown format 400, both as problem documents.
 */
@Path("/api/grids/{id}/table")
public class TableExportResource {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AblationTables tables;

    @GET
    public Response table(@PathParam("id") long id, @QueryParam("format") String format, @QueryParam("seeds") String seeds,
                          @QueryParam("baseline") String baseline, @QueryParam("sort") String sort,
                          @QueryParam("dir") String dir, @QueryParam("filter") String filter,
                          @QueryParam("group") String group) {
        TableFormat chosen;
        try {
            chosen = TableFormat.parse(format == null ? "latex" : format);
        } catch (IllegalArgumentException e) {
            return problem(400, "Bad request", e.getMessage());
        }
        TableQuery query = new TableQuery(seeds, baseline, sort, dir, filter, group, 0);
        Optional<AblationTable> table = tables.table(id, query.options());
        if (table.isEmpty()) {
            return problem(404, "Not found", "grid " + id + " does not exist");
        }
        String fileName = fileName(table.get().title()) + "." + chosen.extension();
        return Response.ok(chosen.write(table.get()), chosen.mediaType() + "; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }

    private static String fileName(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "ablation" : slug;
    }

    private static Response problem(int status, String title, String detail) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return Response.status(status).type(PROBLEM).entity(JsonText.write(body)).build();
    }
}
