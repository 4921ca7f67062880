package org.escnet.app.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.ManageRuns;
import org.escnet.application.ports.in.NotFoundException;
import org.escnet.application.ports.out.PageRequest;

/** Runs: detail, metric series, events, cancel. */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {
    @Inject
    BrowseRuns browse;
    @Inject
    ManageRuns manageRuns;

    @GET
    @Path("{id}")
    public ApiViews.RunDetailView get(@PathParam("id") long id) {
        var detail = browse.run(id).orElseThrow(() -> new NotFoundException("run", id));
        return new ApiViews.RunDetailView(ApiViews.RunView.of(detail.run()), detail.gridName(), detail.config(),
                detail.metrics());
    }

    /** With {@code key}: that series (thinned to {@code max} points); without: a summary of every key. */
    @GET
    @Path("{id}/metrics")
    public Object metrics(@PathParam("id") long id, @QueryParam("key") String key,
                          @QueryParam("max") @DefaultValue("2000") int max) {
        var detail = browse.run(id).orElseThrow(() -> new NotFoundException("run", id));
        if (key == null || key.isBlank()) {
            return detail.metrics();
        }
        if (max < 1 || max > 100_000) {
            throw new IllegalArgumentException("max must be between 1 and 100000, found " + max);
        }
        return new ApiViews.SeriesView(key, browse.metricSeries(id, key, max).stream()
                .map(p -> new ApiViews.Point(p.step(), p.value(), p.time())).toList());
    }

    @GET
    @Path("{id}/events")
    public Object events(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page,
                         @QueryParam("size") @DefaultValue("100") int size) {
        browse.run(id).orElseThrow(() -> new NotFoundException("run", id));
        return ApiViews.PageView.of(browse.events(id, new PageRequest(page, size)));
    }

    @POST
    @Path("{id}/cancel")
    public ApiViews.CancelView cancel(@PathParam("id") long id) {
        var result = manageRuns.cancelRun(id);
        return new ApiViews.CancelView(id, result.status(), result.immediate());
    }
}
