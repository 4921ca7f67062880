package org.escnet.adapters.mlflow;

import java.io.FileNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.escnet.application.ports.out.OutboxEntry;
import org.escnet.application.ports.out.TrackingMirror;
import org.mlflow.api.proto.Service.RunTag;

/**
 * Mirrors ESC-Lab's tracking outbox to an MLflow 2.x tracking server: one experiment per grid, one run per ESC-Lab
 * run, params, metrics and events through {@code runs/log-batch}, artifacts through the artifact proxy, status
 * changes through {@code runs/update}.
 *
 * <p>Delivery is at least once and safe to repeat: runs are found again by tag, a param sent twice with the same value
 * is accepted, events are tags keyed by outbox id (re-setting one changes nothing), artifacts are overwritten with the
 * same bytes, and a repeated metric point carries the same key, step, timestamp and value (MLflow's SQL stores keep
 * one copy; its file store appends a duplicate row). The tag {@code escnet.outbox_id} on each run records the last
 * entry MLflow holds, so a restarted relay skips what was delivered before the restart.
 *
 * <p>When a call fails, the longest fully delivered prefix of the entries is reported; if that prefix is empty, {@link
 * TrackingMirror.MirrorUnavailableException} carries the reason, which the relay records on the first entry.
 */
public final class MlflowMirror implements TrackingMirror, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MlflowMirror.class.getName());
    static final String MISSING_ARTIFACT_TAG_PREFIX = "escnet.artifact_missing.";

    private final MlflowSettings settings;
    private final TimedMlflowClient mlflow;
    private final MirroredRuns runs;
    private final MlflowArtifactUploader artifacts;
    private final LogBatchPlanner planner;

    public MlflowMirror(MlflowSettings settings) {
        this(settings, new LogBatchPlanner());
    }

    MlflowMirror(MlflowSettings settings, LogBatchPlanner planner) {
        this.settings = Objects.requireNonNull(settings, "MLflow settings");
        this.mlflow = new TimedMlflowClient(settings);
        this.runs = new MirroredRuns(mlflow);
        this.artifacts = new MlflowArtifactUploader(settings);
        this.planner = planner;
    }

    @Override
    public String name() {
        return "mlflow " + settings.baseUrl();
    }

    /**
     * Delivers each run's entries in their order, coalescing a run's params, metrics and events across the batch
     * (entries of different runs interleave when several workers train at once). Returns the length of the prefix
     * of {@code entries} that is delivered; entries of other runs delivered beyond it are recognised by the
     * delivered-through tag when they come again.
     */
    @Override
    public synchronized int deliver(List<OutboxEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        Map<Long, List<Integer>> positionsByRun = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            positionsByRun.computeIfAbsent(entries.get(i).runId(), run -> new ArrayList<>()).add(i);
        }
        boolean[] delivered = new boolean[entries.size()];
        RuntimeException failure = null;
        OutboxEntry failed = null;
        runs:
        for (List<Integer> positions : positionsByRun.values()) {
            List<OutboxEntry> ofRun = positions.stream().map(entries::get).toList();
            int next = 0;
            while (next < ofRun.size()) {
                int groupEnd = groupEnd(ofRun, next);
                int done;
                try {
                    done = deliverGroup(ofRun.subList(next, groupEnd));
                } catch (GroupInterrupted interrupted) {
                    markDelivered(delivered, positions, next, next + interrupted.delivered);
                    failure = interrupted.failure;
                    failed = ofRun.get(next + interrupted.delivered);
                    break runs;
                } catch (MlflowCallFailed | IllegalArgumentException e) {
                    failure = e;
                    failed = ofRun.get(next);
                    break runs;
                }
                markDelivered(delivered, positions, next, next + done);
                next += done;
            }
        }
        int prefix = 0;
        while (prefix < delivered.length && delivered[prefix]) {
            prefix++;
        }
        return failure == null ? prefix : stop(prefix, failed, failure);
    }

    private static void markDelivered(boolean[] delivered, List<Integer> positions, int from, int to) {
        for (int i = from; i < to; i++) {
            delivered[positions.get(i)] = true;
        }
    }

    private int stop(int delivered, OutboxEntry failed, RuntimeException failure) {
        String message = "outbox entry " + failed.id() + " (run " + failed.runId() + ", "
                + kind(failed.payload()) + "): " + failure.getMessage();
        if (delivered == 0) {
            throw new MirrorUnavailableException(message, failure);
        }
        LOG.warning(() -> name() + " took " + delivered + " entries, then stopped at " + message);
        return delivered;
    }

    /** A run's consecutive params, metrics and events travel together; artifacts and statuses one at a time. */
    private static int groupEnd(List<OutboxEntry> ofRun, int start) {
        if (!goesThroughLogBatch(ofRun.get(start))) {
            return start + 1;
        }
        int end = start + 1;
        while (end < ofRun.size() && goesThroughLogBatch(ofRun.get(end))) {
            end++;
        }
        return end;
    }

    private static boolean goesThroughLogBatch(OutboxEntry entry) {
        return entry.payload() instanceof OutboxEntry.Params || entry.payload() instanceof OutboxEntry.Metrics
                || entry.payload() instanceof OutboxEntry.Event;
    }

    private int deliverGroup(List<OutboxEntry> group) {
        MirroredRun run = runs.of(group.get(0));
        int skipped = 0;
        while (skipped < group.size() && run.holds(group.get(skipped).id())) {
            skipped++;
        }
        if (skipped == group.size()) {
            return skipped;
        }
        OutboxEntry head = group.get(skipped);
        OutboxEntry.Payload payload = head.payload();
        if (payload instanceof OutboxEntry.Artifact artifact) {
            upload(run, head, artifact);
            return group.size();
        }
        if (payload instanceof OutboxEntry.Status status) {
            updateStatus(run, status);
            return group.size();
        }
        return skipped + logBatches(run, group.subList(skipped, group.size()), skipped);
    }

    private int logBatches(MirroredRun run, List<OutboxEntry> group, int alreadyDelivered) {
        List<LogBatch> batches = planner.plan(group);
        int completed = 0;
        for (LogBatch batch : batches) {
            try {
                mlflow.call("log-batch of " + batch.metrics().size() + " metrics, " + batch.params().size()
                                + " params, " + batch.tags().size() + " tags to run " + run.runId,
                        client -> {
                            client.logBatch(run.runId, batch.metrics(), batch.params(), batch.tags());
                            return null;
                        });
            } catch (MlflowCallFailed failure) {
                throw new GroupInterrupted(alreadyDelivered + completed, failure);
            }
            completed = batch.entriesCompleted();
            if (completed > 0) {
                run.deliveredThrough(group.get(completed - 1).id());
            }
        }
        return group.size();
    }

    private void upload(MirroredRun run, OutboxEntry entry, OutboxEntry.Artifact artifact) {
        try {
            artifacts.upload(run.artifactUri, artifact.artifact());
        } catch (FileNotFoundException gone) {
            // A file removed before delivery (checkpoint retention, cleanup) will never come back; waiting for it would
            // stop every later entry, so the run gets a tag saying what is missing instead.
            String key = MlflowLimits.key(MISSING_ARTIFACT_TAG_PREFIX + artifact.artifact().path());
            String value = MlflowLimits.tagValue("file " + artifact.artifact().file() + " was gone when outbox entry "
                    + entry.id() + " was mirrored");
            LOG.warning(() -> name() + ": artifact '" + artifact.artifact().path() + "' of run " + entry.runId()
                    + " is no longer on disk (" + artifact.artifact().file() + "); tagged " + key + " instead");
            mlflow.call("tag for missing artifact '" + artifact.artifact().path() + "' on run " + run.runId, client -> {
                client.logBatch(run.runId, List.of(), List.of(), List.of(RunTag.newBuilder().setKey(key)
                        .setValue(value).build()));
                return null;
            });
        }
    }

    private void updateStatus(MirroredRun run, OutboxEntry.Status status) {
        MlflowRunStatus target = MlflowRunStatus.of(status.status());
        if (target.terminal) {
            long end = (status.time() == null ? Instant.now() : status.time()).toEpochMilli();
            mlflow.call("end of run " + run.runId + " as " + target.mlflow, client -> {
                client.setTerminated(run.runId, target.mlflow, end);
                return null;
            });
        } else {
            // The client only offers setTerminated, which always sends an end time; a live status needs none.
            String body = "{\"run_id\":\"" + run.runId + "\",\"run_uuid\":\"" + run.runId + "\",\"status\":\""
                    + target.mlflow.name() + "\"}";
            mlflow.call("status " + target.mlflow + " of run " + run.runId,
                    client -> client.sendPost("runs/update", body));
        }
    }

    private static String kind(OutboxEntry.Payload payload) {
        return payload == null ? "no payload" : payload.getClass().getSimpleName().toLowerCase();
    }

    @Override
    public void close() {
        mlflow.close();
    }

    /** A group stopped part-way: {@code delivered} of its entries are in MLflow. */
    private static final class GroupInterrupted extends RuntimeException {
        final int delivered;
        final MlflowCallFailed failure;

        GroupInterrupted(int delivered, MlflowCallFailed failure) {
            super(failure.getMessage(), failure, false, false);
            this.delivered = delivered;
            this.failure = failure;
        }
    }
}
