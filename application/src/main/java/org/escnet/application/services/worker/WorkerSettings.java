package org.escnet.application.services.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a worker behaves.
 *
 * @param workerId  unique in the cluster (host name + process id by default), recorded on every run it claims
 * @param slots     its device slots
 * @param lease     how long a claim lasts without a heartbeat; a dead worker's runs return to the queue after it
 * @param heartbeat how often leases are renewed and cancel requests checked (well below {@code lease})
 * @param poll      how long an idle slot waits before asking the queue again
 * @param runsDir   folder of the runs' work folders (checkpoints, artifacts): {@code <runsDir>/<run id>}
 */
public record WorkerSettings(String workerId, List<DeviceSlot> slots, Duration lease, Duration heartbeat, Duration poll,
                             Path runsDir) {
    public WorkerSettings {
        if (workerId == null || workerId.isBlank()) {
            throw new IllegalArgumentException("a worker id is required");
        }
        if (slots == null || slots.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one device slot");
        }
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("the heartbeat (" + heartbeat + ") must be shorter than the lease ("
                    + lease + ")");
        }
        slots = List.copyOf(slots);
    }
}
