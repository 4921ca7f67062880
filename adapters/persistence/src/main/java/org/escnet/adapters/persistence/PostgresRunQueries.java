package org.escnet.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.application.ports.out.MetricPoint;
import org.escnet.application.ports.out.Page;
import org.escnet.application.ports.out.PageRequest;
import org.escnet.application.ports.out.RunEvent;
import org.escnet.application.ports.out.RunQueries;
import org.escnet.domain.experiment.RunConfig;

/** Read models computed by PostgreSQL. */
@ApplicationScoped
public class PostgresRunQueries implements RunQueries {
    private final EntityManager em;
    private final Json json;

    @Inject
    public PostgresRunQueries(EntityManager em, Json json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public List<MetricPoint> metricSeries(long runId, String key, int maxPoints) {
        long count = ((Number) em.createNativeQuery("SELECT count(*) FROM run_metric WHERE run_id = ?1 AND key = ?2")
                .setParameter(1, runId).setParameter(2, key).getSingleResult()).longValue();
        // Long series are thinned on the server (every n-th point, the last one always kept) so charts stay light.
        long every = Math.max(1, (count + Math.max(1, maxPoints) - 1) / Math.max(1, maxPoints));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT step, value, time FROM (SELECT step, value, time, "
                        + "row_number() OVER (ORDER BY step, id) AS n FROM run_metric WHERE run_id = ?1 AND key = ?2) s "
                        + "WHERE (n - 1) % ?3 = 0 OR n = ?4 ORDER BY step")
                .setParameter(1, runId).setParameter(2, key).setParameter(3, every).setParameter(4, count)
                .getResultList();
        List<MetricPoint> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new MetricPoint(key, ((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(),
                    PostgresTrackingOutbox.toInstant(row[2])));
        }
        return out;
    }

    @Override
    public List<MetricSummary> metricSummaries(long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT key, count(*), (array_agg(value ORDER BY step DESC, id DESC))[1], "
                        + "min(value), max(value), max(step) FROM run_metric WHERE run_id = ?1 GROUP BY key ORDER BY key")
                .setParameter(1, runId).getResultList();
        List<MetricSummary> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new MetricSummary((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).doubleValue(),
                    ((Number) row[3]).doubleValue(), ((Number) row[4]).doubleValue(), ((Number) row[5]).longValue()));
        }
        return out;
    }

    @Override
    public Page<RunEvent> events(long runId, PageRequest page) {
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM run_event WHERE run_id = ?1")
                .setParameter(1, runId).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT time, kind, message, detail FROM run_event WHERE run_id = ?1 "
                        + "ORDER BY id DESC OFFSET ?2 LIMIT ?3")
                .setParameter(1, runId).setParameter(2, page.offset()).setParameter(3, page.size()).getResultList();
        List<RunEvent> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new RunEvent(PostgresTrackingOutbox.toInstant(row[0]), (String) row[1], (String) row[2], (String) row[3]));
        }
        return new Page<>(out, page.page(), page.size(), total);
    }

    @Override
    public List<ArtifactRecord> artifacts(long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT path, file, media_type, size_bytes, sha256 FROM run_artifact "
                + "WHERE run_id = ?1 ORDER BY path").setParameter(1, runId).getResultList();
        List<ArtifactRecord> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new ArtifactRecord((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue(),
                    ((String) row[4]).trim()));
        }
        return out;
    }

    @Override
    public Page<CellResult> cellResults(long gridId, List<String> metricPrefixes, PageRequest page) {
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM run WHERE grid_id = ?1")
                .setParameter(1, gridId).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> runs = em.createNativeQuery("SELECT id, cell_key, cell_label, CAST(overrides AS text), "
                        + "CAST(config AS text), seed, status FROM run WHERE grid_id = ?1 ORDER BY id OFFSET ?2 LIMIT ?3")
                .setParameter(1, gridId).setParameter(2, page.offset()).setParameter(3, page.size()).getResultList();
        if (runs.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), total);
        }
        List<Long> ids = runs.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, Map<String, Double>> metrics = new HashMap<>();
        if (!metricPrefixes.isEmpty()) {
            StringBuilder like = new StringBuilder();
            for (int i = 0; i < metricPrefixes.size(); i++) {
                like.append(i == 0 ? "" : " OR ").append("key LIKE ?").append(i + 2);
            }
            var query = em.createNativeQuery("SELECT DISTINCT ON (run_id, key) run_id, key, value FROM run_metric "
                    + "WHERE run_id = ANY(CAST(?1 AS bigint[])) AND (" + like + ") ORDER BY run_id, key, step DESC, id DESC")
                    .setParameter(1, "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}");
            for (int i = 0; i < metricPrefixes.size(); i++) {
                query.setParameter(i + 2, escapeLike(metricPrefixes.get(i)) + "%");
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            for (Object[] row : rows) {
                metrics.computeIfAbsent(((Number) row[0]).longValue(), k -> new TreeMap<>())
                        .put((String) row[1], ((Number) row[2]).doubleValue());
            }
        }
        List<CellResult> out = new ArrayList<>(runs.size());
        for (Object[] r : runs) {
            long id = ((Number) r[0]).longValue();
            Map<String, String> params = RunConfig.fromTree(json.tree((String) r[4])).flatten();
            out.add(new CellResult(id, ((String) r[1]).trim(), (String) r[2], json.tree((String) r[3]), params,
                    ((Number) r[5]).longValue(), (String) r[6], metrics.getOrDefault(id, Map.of())));
        }
        return new Page<>(out, page.page(), page.size(), total);
    }

    private static String escapeLike(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public Optional<GridTiming> timing(long gridId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT min(started_at), max(finished_at), "
                        + "avg(EXTRACT(EPOCH FROM finished_at - started_at)) FILTER (WHERE status = 'SUCCEEDED'), "
                        + "count(*) FILTER (WHERE status = 'SUCCEEDED') FROM run WHERE grid_id = ?1")
                .setParameter(1, gridId).getSingleResult();
        if (row[0] == null) {
            return Optional.empty();
        }
        return Optional.of(new GridTiming(PostgresTrackingOutbox.toInstant(row[0]), PostgresTrackingOutbox.toInstant(row[1]),
                row[2] == null ? 0 : ((Number) row[2]).doubleValue(), ((Number) row[3]).longValue()));
    }
}
