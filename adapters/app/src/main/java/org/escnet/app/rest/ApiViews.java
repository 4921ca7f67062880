package org.escnet.app.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.escnet.application.ports.in.GridOverview;
import org.escnet.application.ports.out.Page;
import org.escnet.application.ports.out.RunQueries;
import org.escnet.application.ports.out.StatusCounts;
import org.escnet.domain.experiment.Run;

/** The JSON shapes of the API, kept apart from domain types so the API can stay stable while the domain evolves. */
public final class ApiViews {
    private ApiViews() {
    }

    public record PageView<T>(List<T> items, int page, int size, long total, int pages) {
        static <T> PageView<T> of(Page<T> page) {
            return new PageView<>(page.items(), page.page(), page.size(), page.total(), page.pages());
        }
    }

    public record GridView(long id, String name, String description, Instant createdAt, StatusCounts counts, long total,
                           boolean finished, Double elapsedSeconds, Double remainingSeconds) {
        static GridView of(GridOverview g) {
            return new GridView(g.id(), g.name(), g.description(), g.createdAt(), g.counts(), g.counts().total(),
                    g.counts().finished(), g.elapsed() == null ? null : g.elapsed().toMillis() / 1000.0,
                    g.remaining() == null ? null : g.remaining().toMillis() / 1000.0);
        }
    }

    public record RunView(long id, long gridId, String cellKey, String label, Map<String, Object> overrides, String status,
                          int attempts, int maxAttempts, String worker, String device, String failureReason,
                          Instant createdAt, Instant startedAt, Instant finishedAt) {
        static RunView of(Run r) {
            return new RunView(r.id(), r.gridId(), r.cellKey().value(), r.cellLabel(), r.overrides(), r.status().name(),
                    r.attempts(), r.maxAttempts(), r.workerId(), r.device(), r.failureReason(), r.createdAt(),
                    r.startedAt(), r.finishedAt());
        }
    }

    public record GridDetailView(GridView grid, PageView<RunView> runs) {
    }

    public record RunDetailView(RunView run, String gridName, Map<String, Object> config,
                                List<RunQueries.MetricSummary> metrics) {
    }

    public record SeriesView(String key, List<Point> points) {
    }

    public record Point(long step, double value, Instant time) {
    }

    public record RerunView(long gridId, int requeued, List<Long> runIds) {
    }

    public record CancelView(long runId, String status, boolean immediate) {
    }

    public record CancelGridView(long gridId, int cancelled) {
    }
}
