package org.escnet.application.ports.in;

import java.util.List;
import java.util.Optional;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.application.ports.out.GridRecord;
import org.escnet.application.ports.out.MetricPoint;
import org.escnet.application.ports.out.Page;
import org.escnet.application.ports.out.PageRequest;
import org.escnet.application.ports.out.RunEvent;
import org.escnet.application.ports.out.RunQueries;
import org.escnet.application.ports.out.StatusCounts;
import org.escnet.domain.experiment.Run;
import org.escnet.domain.experiment.RunStatus;

/** Read-only views of grids and runs, paged on the server. */
public interface BrowseRuns {
    Page<GridOverview> grids(PageRequest page);

    Optional<GridOverview> grid(long gridId);

    Optional<GridRecord> gridRecord(long gridId);

    StatusCounts counts(long gridId);

    /** Runs of a grid, optionally of one status. */
    Page<Run> runs(long gridId, RunStatus status, PageRequest page);

    Optional<RunDetail> run(long runId);

    List<MetricPoint> metricSeries(long runId, String key, int maxPoints);

    Page<RunEvent> events(long runId, PageRequest page);

    List<ArtifactRecord> artifacts(long runId);

    /** Rows for an ablation table: overrides, resolved params and final metrics of each run. */
    Page<RunQueries.CellResult> cellResults(long gridId, List<String> metricPrefixes, PageRequest page);
}
