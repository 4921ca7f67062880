package org.escnet.webui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.ManageRuns;
import org.escnet.application.ports.in.NotFoundException;
import org.escnet.application.ports.in.RunDetail;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.application.ports.out.MetricPoint;
import org.escnet.application.ports.out.PageRequest;
import org.escnet.application.ports.out.RunEvent;
import org.escnet.application.ports.out.RunQueries.MetricSummary;
import org.escnet.domain.experiment.ConfigTrees;
import org.escnet.domain.experiment.Run;

/**
 * A run's page: live status and attempts, resolved configuration, loss and learning-rate curves, evaluation results
 * with per-class IoU, events and errors, and the qualitative panel.
 */
@Path("/runs/{id}")
@Produces(MediaType.TEXT_HTML)
public class RunPage {
    static final int CURVE_POINTS = 2000;
    static final int EVENTS_SHOWN = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance run(RunDetail detail, RunStatusView status, List<KeyValue> config,
                                           List<Benchmark> benchmarks, List<MetricLine> otherMetrics, String curves,
                                           List<RunEvent> events, long eventsTotal, List<QualitativeSample> samples);

        static native TemplateInstance run$status(RunStatusView status);
    }

    /** One benchmark's evaluation: mIoU and per-class IoU (highest first). */
    public record Benchmark(String name, String mIoU, List<ClassIoU> classes) {
    }

    /** A metric's summary, formatted. */
    public record MetricLine(String key, String last, String min, String max, long count) {
    }

    public record ClassIoU(String className, double iou, String text) {
    }

    @Inject
    BrowseRuns browse;
    @Inject
    ManageRuns manage;

    @GET
    public Response page(@PathParam("id") long id) {
        Optional<RunDetail> found = browse.run(id);
        if (found.isEmpty()) {
            return NotFoundPage.response("run " + id + " does not exist");
        }
        RunDetail detail = found.get();
        List<KeyValue> config = KeyValue.of(ConfigTrees.flatten(detail.config()));

        Map<String, Benchmark> benchmarks = new TreeMap<>();
        List<MetricLine> other = new ArrayList<>();
        Map<String, List<ClassIoU>> classes = new TreeMap<>();
        Map<String, Double> miou = new TreeMap<>();
        for (MetricSummary m : detail.metrics()) {
            String[] parts = m.key().split("/", 4);
            if (parts.length == 3 && parts[0].equals("eval") && parts[2].equals("mIoU")) {
                miou.put(parts[1], m.last());
            } else if (parts.length == 4 && parts[0].equals("eval") && parts[2].equals("IoU")) {
                classes.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(new ClassIoU(parts[3], m.last(), MetricText.of(m.last())));
            } else {
                other.add(new MetricLine(m.key(), MetricText.of(m.last()), MetricText.of(m.min()), MetricText.of(m.max()),
                        m.count()));
            }
        }
        for (String b : new java.util.TreeSet<>(java.util.stream.Stream.concat(miou.keySet().stream(),
                classes.keySet().stream()).toList())) {
            List<ClassIoU> list = new ArrayList<>(classes.getOrDefault(b, List.of()));
            list.sort(Comparator.comparingDouble(ClassIoU::iou).reversed());
            benchmarks.put(b, new Benchmark(b, miou.containsKey(b) ? MetricText.of(miou.get(b)) : "–", list));
        }

        Map<String, Object> curves = new LinkedHashMap<>();
        curves.put("loss", points(browse.metricSeries(id, "train/loss", CURVE_POINTS)));
        Map<String, Object> lr = new LinkedHashMap<>();
        for (MetricSummary m : detail.metrics()) {
            if (m.key().startsWith("train/lr/")) {
                lr.put(m.key().substring("train/lr/".length()), points(browse.metricSeries(id, m.key(), CURVE_POINTS)));
            }
        }
        curves.put("lr", lr);

        var events = browse.events(id, new PageRequest(0, EVENTS_SHOWN));
        List<QualitativeSample> samples = QualitativeSample.from(id, browse.artifacts(id));
        return Response.ok(Templates.run(detail, RunStatusView.of(detail.run()), config, new ArrayList<>(benchmarks.values()),
                other, JsonText.write(curves), events.items(), events.total(), samples)).build();
    }

    /** The status block alone; it keeps polling itself until the run reaches a final status. */
    @GET
    @Path("status")
    public Response status(@PathParam("id") long id) {
        return browse.run(id).map(d -> Response.ok(Templates.run$status(RunStatusView.of(d.run()))).build())
                .orElseGet(() -> NotFoundPage.response("run " + id + " does not exist"));
    }

    @POST
    @Path("cancel")
    public Response cancel(@PathParam("id") long id, @Context HttpHeaders headers) {
        if (!SameOrigin.allows(headers)) {
            return Response.status(Response.Status.FORBIDDEN).entity("cross-site form post refused").build();
        }
        try {
            manage.cancelRun(id);
        } catch (NotFoundException e) {
            return NotFoundPage.response(e.getMessage());
        }
        return Response.seeOther(URI.create("/runs/" + id)).build();
    }

    static List<List<Number>> points(List<MetricPoint> series) {
        List<List<Number>> out = new ArrayList<>(series.size());
        for (MetricPoint p : series) {
            out.add(List.of(p.step(), p.value()));
        }
        return out;
    }

    /** What the status block shows. */
    public record RunStatusView(long id, String status, boolean terminal, int attempts, int maxAttempts, String worker,
                                String device, String reason, String created, String started, String finished) {
        static RunStatusView of(Run run) {
            return new RunStatusView(run.id(), run.status().name().toLowerCase(java.util.Locale.ROOT),
                    run.status().isTerminal(), run.attempts(), run.maxAttempts(), run.workerId() == null ? "–" : run.workerId(),
                    run.device() == null ? "–" : run.device(), run.failureReason() == null ? "" : run.failureReason(),
                    text(run.createdAt()), text(run.startedAt()), text(run.finishedAt()));
        }

        private static String text(java.time.Instant t) {
            return t == null ? "–" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }

        public boolean cancellable() {
            return !terminal;
        }
    }
}
