package org.escnet.webui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.RunDetail;
import org.escnet.application.ports.out.RunQueries.MetricSummary;
import org.escnet.domain.experiment.ConfigTrees;

/**
 * Two or more runs side by side: only the configuration keys whose values differ (all keys on request), their
 * summary metrics, and their loss curves overlaid.
 */
@Path("/compare")
@Produces(MediaType.TEXT_HTML)
public class ComparePage {
    static final int MAX_RUNS = 12;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compare(List<RunDetail> runs, List<Line> config, List<Line> metrics, String curves,
                                               boolean all, List<String> missing, String runQuery);
    }

    /** One row: a key and one value per compared run ("–" when the run has none). */
    public record Line(String key, List<String> values, boolean differs) {
    }

    @Inject
    BrowseRuns browse;

    @GET
    public TemplateInstance compare(@QueryParam("run") List<String> given, @QueryParam("all") boolean all) {
        List<RunDetail> runs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String text : given == null ? List.<String>of() : given) {
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                long id = Long.parseLong(text.trim());
                if (!ids.contains(id) && ids.size() < MAX_RUNS) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                missing.add("'" + text + "' is not a run id (expected a whole number)");
            }
        }
        for (Long id : ids) {
            Optional<RunDetail> run = browse.run(id);
            if (run.isPresent()) {
                runs.add(run.get());
            } else {
                missing.add("run " + id + " does not exist");
            }
        }
        List<Map<String, String>> configs = runs.stream().map(r -> ConfigTrees.flatten(r.config())).toList();
        List<Line> config = lines(configs, all);

        List<Map<String, String>> metricValues = new ArrayList<>();
        for (RunDetail r : runs) {
            Map<String, String> m = new LinkedHashMap<>();
            for (MetricSummary s : r.metrics()) {
                if (s.key().startsWith("cost/") || s.key().equals("train/loss")
                        || (s.key().startsWith("eval/") && s.key().endsWith("/mIoU"))) {
                    m.put(s.key(), MetricText.of(s.last()));
                }
            }
            metricValues.add(m);
        }
        List<Line> metrics = lines(metricValues, true);

        Map<String, Object> curves = new LinkedHashMap<>();
        for (RunDetail r : runs) {
            curves.put("run " + r.run().id() + " (" + r.run().cellLabel() + ")",
                    RunPage.points(browse.metricSeries(r.run().id(), "train/loss", RunPage.CURVE_POINTS)));
        }
        StringBuilder query = new StringBuilder();
        runs.forEach(r -> query.append(query.length() == 0 ? "?" : "&").append("run=").append(r.run().id()));
        return Templates.compare(runs, config, metrics, JsonText.write(curves), all, missing, query.toString());
    }

    /** Keys in sorted order; with {@code all} false, only the keys whose values are not all equal. */
    static List<Line> lines(List<Map<String, String>> perRun, boolean all) {
        TreeSet<String> keys = new TreeSet<>();
        perRun.forEach(m -> keys.addAll(m.keySet()));
        List<Line> out = new ArrayList<>();
        for (String key : keys) {
            List<String> values = new ArrayList<>();
            boolean differs = false;
            for (Map<String, String> m : perRun) {
                String v = m.get(key);
                differs |= !Objects.equals(v, perRun.get(0).get(key));
                values.add(v == null ? "–" : v);
            }
            if (all || differs) {
                out.add(new Line(key, values, differs));
            }
        }
        return out;
    }
}
