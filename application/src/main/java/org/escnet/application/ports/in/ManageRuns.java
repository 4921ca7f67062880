package org.escnet.application.ports.in;

import java.util.List;
import org.escnet.application.ports.out.RunQueue;

/** Operator actions on runs and grids. Unknown ids raise {@link NotFoundException}. */
public interface ManageRuns {
    /** Re-queues only the FAILED and CANCELLED runs of a grid; returns their ids. */
    List<Long> rerunFailed(long gridId);

    /** Cancels a queued run at once; asks a running one to stop at its next check. */
    RunQueue.CancelResult cancelRun(long runId);

    /** Cancels every queued and running run of a grid; returns how many were asked. */
    int cancelGrid(long gridId);
}
