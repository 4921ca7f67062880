package org.escnet.adapters.djl.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.escnet.adapters.djl.engine.CheckpointModel;
import org.escnet.adapters.djl.engine.TrainingCheckpoint;
import org.escnet.adapters.djl.escnet.NetworkPreset;
import org.escnet.application.ports.in.SegmentImage.ModelChoice;
import org.escnet.domain.model.ModelSpec;

/**
 * The models a request may name: the latest checkpoint of every run under the runs folder ({@code run:<id>@<step>},
 * newest first), then every preset with random weights (its name). Only ids of this form are resolved, so a request
 * can never make the server read an arbitrary path.
 */
final class ModelChoices {
    private static final Pattern RUN_ID = Pattern.compile("run:(\\d+)(?:@(\\d+))?");

    private final Path runsDir;

    ModelChoices(Path runsDir) {
        this.runsDir = runsDir;
    }

    List<ModelChoice> list() {
        List<ModelChoice> choices = new ArrayList<>();
        for (RunCheckpoint c : runCheckpoints()) {
            choices.add(new ModelChoice("run:" + c.runId() + "@" + c.step(), c.label()));
        }
        for (NetworkPreset p : NetworkPreset.ALL) {
            choices.add(new ModelChoice(p.name(), p.name() + " (preset, random weights)"));
        }
        return choices;
    }

    /**
     * @param id a preset name, {@code run:<id>} (its latest checkpoint) or {@code run:<id>@<step>}
     * @throws IllegalArgumentException naming what is accepted when the id names nothing loadable
     */
    ModelSource resolve(String id) {
        Matcher run = RUN_ID.matcher(id.trim());
        if (run.matches()) {
            long runId = Long.parseLong(run.group(1));
            Path workDir = runsDir.resolve(Long.toString(runId));
            Optional<Path> folder = new TrainingCheckpoint(workDir).latest();
            if (folder.isEmpty()) {
                throw new IllegalArgumentException("run " + runId + " has no checkpoint (looked in " + workDir + ")");
            }
            long step = ModelSource.step(folder.get());
            if (run.group(2) != null && Long.parseLong(run.group(2)) != step) {
                throw new IllegalArgumentException("run " + runId + " has no checkpoint at step " + run.group(2)
                        + "; its latest checkpoint is at step " + step + " (model run:" + runId + "@" + step + ")");
            }
            ModelSource probe = ModelSource.checkpoint(folder.get(), null);
            return new ModelSource(probe.key(), label(runId, probe.spec(), step), probe.spec(), probe.checkpoint());
        }
        for (NetworkPreset p : NetworkPreset.ALL) {
            if (p.name().equals(id.trim())) {
                return ModelSource.preset(p.name());
            }
        }
        throw new IllegalArgumentException("unknown model '" + id + "': expected a preset ("
                + NetworkPreset.ALL.stream().map(NetworkPreset::name).toList()
                + ") or a run's checkpoint as run:<id> or run:<id>@<step>");
    }

    private record RunCheckpoint(long runId, long step, String label, FileTime written) {
    }

    /** Runs whose latest checkpoint records its model, newest first; unreadable ones are left out. */
    private List<RunCheckpoint> runCheckpoints() {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<RunCheckpoint> found = new ArrayList<>();
        try (Stream<Path> runs = Files.list(runsDir)) {
            for (Path workDir : runs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                Optional<Path> folder = new TrainingCheckpoint(workDir).latest();
                if (folder.isEmpty()) {
                    continue;
                }
                try {
                    Optional<ModelSpec> spec = CheckpointModel.readSpec(folder.get());
                    if (spec.isEmpty()) {
                        continue; // written before checkpoints recorded their model: it cannot be loaded alone
                    }
                    long runId = Long.parseLong(workDir.getFileName().toString());
                    long step = ModelSource.step(folder.get());
                    found.add(new RunCheckpoint(runId, step, label(runId, spec.get(), step),
                            Files.getLastModifiedTime(folder.get().resolve(TrainingCheckpoint.STATE))));
                } catch (IOException | RuntimeException e) {
                    // a checkpoint being replaced or damaged is not offered; the others still are
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the runs in " + runsDir, e);
        }
        found.sort(Comparator.comparing(RunCheckpoint::written).reversed());
        return found;
    }

    private static String label(long runId, ModelSpec spec, long step) {
        return "run " + runId + " (" + spec.preset() + ", step " + step + ")";
    }
}
