package org.escnet.adapters.mlflow;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escnet.application.ports.out.OutboxEntry;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;

/**
 * Finds or creates the MLflow experiment of a grid (by name) and the MLflow run of an ESC-Lab run (by the tag
 * {@code escnet.run_id}), so that re-delivery and restarts never create a second one. Answers are cached.
 */
final class MirroredRuns {
    static final String RUN_ID_TAG = "escnet.run_id";
    static final String GRID_ID_TAG = "escnet.grid_id";
    static final String CELL_TAG = "escnet.cell";

    private final TimedMlflowClient mlflow;
    private final Map<String, String> experimentIdsByName = new HashMap<>();
    private final Map<Long, MirroredRun> runsByEscnetId = new HashMap<>();

    MirroredRuns(TimedMlflowClient mlflow) {
        this.mlflow = mlflow;
    }

    /** The MLflow run of {@code entry}'s ESC-Lab run, created on first sight. */
    MirroredRun of(OutboxEntry entry) {
        MirroredRun cached = runsByEscnetId.get(entry.runId());
        if (cached != null) {
            return cached;
        }
        String experimentId = experimentId(entry);
        MirroredRun run = find(experimentId, entry.runId()).orElseGet(() -> create(experimentId, entry));
        runsByEscnetId.put(entry.runId(), run);
        return run;
    }

    private String experimentId(OutboxEntry entry) {
        String name = entry.gridName();
        if (name == null || name.isBlank()) {
            throw new MlflowCallFailed("outbox entry " + entry.id() + " of run " + entry.runId()
                    + " has no grid name, which names its MLflow experiment");
        }
        String cached = experimentIdsByName.get(name);
        if (cached != null) {
            return cached;
        }
        String id = existingExperiment(name).orElseGet(() -> createExperiment(name));
        experimentIdsByName.put(name, id);
        return id;
    }

    private Optional<String> existingExperiment(String name) {
        Optional<Experiment> found = mlflow.call("look-up of experiment '" + name + "'",
                client -> client.getExperimentByName(name));
        if (found.isPresent() && "deleted".equalsIgnoreCase(found.get().getLifecycleStage())) {
            throw new MlflowCallFailed("the MLflow experiment '" + name + "' (id " + found.get().getExperimentId()
                    + ") is deleted; restore it (mlflow experiments restore --experiment-id "
                    + found.get().getExperimentId() + ") or remove it for good (mlflow gc) so ESC-Lab can mirror into it");
        }
        return found.map(Experiment::getExperimentId);
    }

    private String createExperiment(String name) {
        try {
            return mlflow.call("creation of experiment '" + name + "'", client -> client.createExperiment(name));
        } catch (MlflowCallFailed failure) {
            // Another mirror may have created it in the meantime (RESOURCE_ALREADY_EXISTS): use that one.
            if (TimedMlflowClient.status(failure) / 100 == 4) {
                Optional<String> raced = existingExperiment(name);
                if (raced.isPresent()) {
                    return raced.get();
                }
            }
            throw failure;
        }
    }

    private Optional<MirroredRun> find(String experimentId, long escnetRunId) {
        String filter = "tags.`" + RUN_ID_TAG + "` = '" + escnetRunId + "'";
        List<Run> runs = mlflow.call("search for run " + escnetRunId + " in experiment " + experimentId,
                client -> client.searchRuns(List.of(experimentId), filter, ViewType.ACTIVE_ONLY, 10).getItems());
        // Two mirrors racing could both have created one; always settle on the oldest.
        return runs.stream()
                .min(Comparator.comparingLong((Run r) -> r.getInfo().getStartTime())
                        .thenComparing(r -> r.getInfo().getRunId()))
                .map(run -> new MirroredRun(experimentId, run.getInfo().getRunId(), run.getInfo().getArtifactUri(),
                        deliveredThrough(run)));
    }

    private static long deliveredThrough(Run run) {
        for (RunTag tag : run.getData().getTagsList()) {
            if (tag.getKey().equals(LogBatchPlanner.DELIVERED_THROUGH_TAG)) {
                try {
                    return Long.parseLong(tag.getValue().strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private MirroredRun create(String experimentId, OutboxEntry entry) {
        String runName = entry.runName() == null || entry.runName().isBlank() ? "run-" + entry.runId() : entry.runName();
        CreateRun request = CreateRun.newBuilder()
                .setExperimentId(experimentId)
                .setRunName(runName)
                .setStartTime(entry.createdAt() == null ? System.currentTimeMillis() : entry.createdAt().toEpochMilli())
                .addTags(tag(RUN_ID_TAG, Long.toString(entry.runId())))
                .addTags(tag(GRID_ID_TAG, Long.toString(entry.gridId())))
                .addTags(tag(CELL_TAG, MlflowLimits.tagValue(runName)))
                .build();
        RunInfo info = mlflow.call("creation of run '" + runName + "' in experiment " + experimentId,
                client -> client.createRun(request));
        return new MirroredRun(experimentId, info.getRunId(), info.getArtifactUri(), 0);
    }

    private static RunTag tag(String key, String value) {
        return RunTag.newBuilder().setKey(key).setValue(value).build();
    }
}
