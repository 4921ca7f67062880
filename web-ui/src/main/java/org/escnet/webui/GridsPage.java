package org.escnet.webui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.ManageRuns;
import org.escnet.application.ports.in.NotFoundException;
import org.escnet.application.ports.out.Page;
import org.escnet.application.ports.out.PageRequest;

/** The home page: every grid with live progress (an htmx-polled fragment) and its actions. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class GridsPage {
    static final int GRIDS_PER_PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance grids(List<GridLine> grids, Pager pager, String notice);

        static native TemplateInstance grids$rows(List<GridLine> grids, Pager pager);
    }

    @Inject
    BrowseRuns browse;
    @Inject
    ManageRuns manage;

    @GET
    public TemplateInstance page(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("notice") String notice) {
        Page<GridLine> grids = load(page);
        return Templates.grids(grids.items(), pager(grids), notice == null ? "" : notice);
    }

    /** The table body alone, which the page polls every two seconds. */
    @GET
    @Path("fragments/grids")
    public TemplateInstance rows(@QueryParam("page") @DefaultValue("0") int page) {
        Page<GridLine> grids = load(page);
        return Templates.grids$rows(grids.items(), pager(grids));
    }

    @POST
    @Path("grids/{id}/cancel")
    public Response cancel(@PathParam("id") long id, @Context HttpHeaders headers) {
        if (!SameOrigin.allows(headers)) {
            return Response.status(Response.Status.FORBIDDEN).entity("cross-site form post refused").build();
        }
        try {
            int asked = manage.cancelGrid(id);
            return back("asked " + asked + " run(s) of grid " + id + " to cancel");
        } catch (NotFoundException e) {
            return back(e.getMessage());
        }
    }

    @POST
    @Path("grids/{id}/rerun-failed")
    public Response rerunFailed(@PathParam("id") long id, @Context HttpHeaders headers) {
        if (!SameOrigin.allows(headers)) {
            return Response.status(Response.Status.FORBIDDEN).entity("cross-site form post refused").build();
        }
        try {
            int requeued = manage.rerunFailed(id).size();
            return back("re-queued " + requeued + " failed or cancelled run(s) of grid " + id);
        } catch (NotFoundException e) {
            return back(e.getMessage());
        }
    }

    private static Pager pager(Page<GridLine> grids) {
        return new Pager(grids.page(), Math.max(1, grids.pages()), "/");
    }

    private Page<GridLine> load(int page) {
        return browse.grids(new PageRequest(Math.max(0, page), GRIDS_PER_PAGE)).map(GridLine::of);
    }

    private static Response back(String notice) {
        return Response.seeOther(URI.create("/?notice=" + java.net.URLEncoder.encode(notice,
                java.nio.charset.StandardCharsets.UTF_8))).build();
    }
}
