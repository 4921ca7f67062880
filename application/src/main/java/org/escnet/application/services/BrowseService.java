package org.escnet.application.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.GridOverview;
import org.escnet.application.ports.in.RunDetail;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.application.ports.out.GridRecord;
import org.escnet.application.ports.out.GridRepository;
import org.escnet.application.ports.out.MetricPoint;
import org.escnet.application.ports.out.Page;
import org.escnet.application.ports.out.PageRequest;
import org.escnet.application.ports.out.RunEvent;
import org.escnet.application.ports.out.RunQueries;
import org.escnet.application.ports.out.RunRepository;
import org.escnet.application.ports.out.StatusCounts;
import org.escnet.domain.experiment.Run;
import org.escnet.domain.experiment.RunStatus;

/**
 * Read-only views; every listing is a page computed by the database. Usable from any thread (the CLI's demo loop, the
 * worker), not only from requests: a request context is activated when none is.
 */
@ApplicationScoped
@jakarta.enterprise.context.control.ActivateRequestContext
public class BrowseService implements BrowseRuns {
    private final GridRepository grids;
    private final RunRepository runs;
    private final RunQueries queries;
    private final Clock clock;

    @Inject
    public BrowseService(GridRepository grids, RunRepository runs, RunQueries queries, Clock clock) {
        this.grids = grids;
        this.runs = runs;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public Page<GridOverview> grids(PageRequest page) {
        return grids.list(page).map(this::overview);
    }

    @Override
    public Optional<GridOverview> grid(long gridId) {
        return grids.find(gridId).map(this::overview);
    }

    @Override
    public Optional<GridRecord> gridRecord(long gridId) {
        return grids.find(gridId);
    }

    @Override
    public StatusCounts counts(long gridId) {
        return runs.countByStatus(gridId);
    }

    private GridOverview overview(GridRecord grid) {
        StatusCounts counts = runs.countByStatus(grid.id());
        Optional<RunQueries.GridTiming> timing = queries.timing(grid.id());
        Duration elapsed = null;
        Duration remaining = null;
        if (timing.isPresent() && timing.get().firstStarted() != null) {
            RunQueries.GridTiming t = timing.get();
            Instant end = counts.finished() && t.lastFinished() != null ? t.lastFinished() : clock.instant();
            elapsed = Duration.between(t.firstStarted(), end);
            long unfinished = counts.queued() + counts.running();
            if (unfinished > 0 && t.finishedRuns() > 0) {
                // Runs proceed in parallel on the workers' slots; the running count is the best estimate of that width.
                double width = Math.max(1, counts.running());
                remaining = Duration.ofMillis((long) (t.meanRunSeconds() * 1000 * unfinished / width));
            }
        }
        return new GridOverview(grid.id(), grid.name(), grid.description(), grid.createdAt(), counts, elapsed, remaining);
    }

    @Override
    public Page<Run> runs(long gridId, RunStatus status, PageRequest page) {
        return runs.listByGrid(gridId, status, page);
    }

    @Override
    public Optional<RunDetail> run(long runId) {
        return runs.find(runId).map(run -> new RunDetail(run,
                grids.find(run.gridId()).map(GridRecord::name).orElse(""),
                run.config().toTree(), queries.metricSummaries(runId)));
    }

    @Override
    public List<MetricPoint> metricSeries(long runId, String key, int maxPoints) {
        return queries.metricSeries(runId, key, maxPoints);
    }

    @Override
    public Page<RunEvent> events(long runId, PageRequest page) {
        return queries.events(runId, page);
    }

    @Override
    public List<ArtifactRecord> artifacts(long runId) {
        return queries.artifacts(runId);
    }

    @Override
    public Page<RunQueries.CellResult> cellResults(long gridId, List<String> metricPrefixes, PageRequest page) {
        return queries.cellResults(gridId, metricPrefixes, page);
    }
}
