package org.escnet.application.ports.out;

import java.util.Map;
import org.escnet.domain.experiment.RunStatus;

/** How many runs of a grid are in each status. */
public record StatusCounts(long queued, long running, long succeeded, long failed, long cancelled) {
    public static StatusCounts of(Map<RunStatus, Long> counts) {
        return new StatusCounts(counts.getOrDefault(RunStatus.QUEUED, 0L), counts.getOrDefault(RunStatus.RUNNING, 0L),
                counts.getOrDefault(RunStatus.SUCCEEDED, 0L), counts.getOrDefault(RunStatus.FAILED, 0L),
                counts.getOrDefault(RunStatus.CANCELLED, 0L));
    }

    public long total() {
        return queued + running + succeeded + failed + cancelled;
    }

    public boolean finished() {
        return queued == 0 && running == 0;
    }
}
