package org.escnet.application.ports.out;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.escnet.domain.experiment.CellKey;
import org.escnet.domain.experiment.Run;
import org.escnet.domain.experiment.RunStatus;

/** Stored runs. Status changes of running runs go through {@link RunQueue}, which owns leases. */
public interface RunRepository {
    Set<CellKey> cellKeys(long gridId);

    /** Inserts new runs; a cell key the grid already has is skipped. Returns how many were inserted. */
    int insertNew(List<Run> runs);

    Optional<Run> find(long runId);

    /** Runs of a grid in cell order, optionally only those of {@code status} (null = all). */
    Page<Run> listByGrid(long gridId, RunStatus status, PageRequest page);

    StatusCounts countByStatus(long gridId);

    /** Writes a transition computed by {@link Run}, only if the stored status is still {@code expected}. */
    boolean updateIfStatus(Run next, RunStatus expected);

    /** Ids of the grid's runs in the given statuses (small: ids only). */
    List<Long> idsByStatus(long gridId, Set<RunStatus> statuses);
}
