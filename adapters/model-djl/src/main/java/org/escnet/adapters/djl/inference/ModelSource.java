package org.escnet.adapters.djl.inference;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.escnet.adapters.djl.engine.CheckpointModel;
import org.escnet.adapters.djl.engine.TrainingCheckpoint;
import org.escnet.adapters.djl.escnet.EscNetFactory;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.adapters.djl.escnet.NetworkPreset;
import org.escnet.domain.model.ModelSpec;

/**
 * Where a network's weights come from: a preset with random weights, or a training checkpoint that records its own
 * {@link ModelSpec}.
 *
 * @param key        identifies the weights: equal keys give equal networks (a newer checkpoint has another key)
 * @param label      for people, e.g. "run 12 (escnet-tiny, step 4000)"
 * @param spec       the architecture
 * @param checkpoint the checkpoint folder, or null for random weights
 */
public record ModelSource(String key, String label, ModelSpec spec, Path checkpoint) {

    /** A preset with random weights (SAM parts random too, none for a CAT-Seg preset). */
    public static ModelSource preset(String name) {
        ModelSpec spec = NetworkPreset.byName(name).randomWeightsSpec();
        return new ModelSource("preset:" + name, name + " (preset, random weights)", spec, null);
    }

    /**
     * A checkpoint folder (the one holding {@code model.params}) or a run's work folder (holding {@code checkpoint/}).
     *
     * @throws IllegalArgumentException when there is no complete checkpoint there, or it does not record its model
     */
    public static ModelSource checkpoint(Path folderOrWorkDir, String label) {
        Path folder = checkpointFolder(folderOrWorkDir);
        try {
            ModelSpec spec = CheckpointModel.requireSpec(folder);
            long step = step(folder);
            String shown = label != null ? label : folder + " (" + spec.preset() + ", step " + step + ")";
            return new ModelSource("checkpoint:" + folder.toAbsolutePath().normalize() + "@" + step, shown, spec,
                    folder);
        } catch (IOException e) {
            throw new IllegalArgumentException("could not read checkpoint " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The complete checkpoint in {@code path}: the folder itself, or the latest one of a run's work folder. */
    static Path checkpointFolder(Path path) {
        if (Files.isRegularFile(path.resolve(TrainingCheckpoint.STATE))) {
            return path;
        }
        return new TrainingCheckpoint(path).latest().orElseThrow(() -> new IllegalArgumentException("no checkpoint in "
                + path + ": expected a folder holding " + TrainingCheckpoint.STATE + " and " + TrainingCheckpoint.MODEL
                + ", or a run's work folder holding checkpoint/"));
    }

    /** The iteration a checkpoint was written at. */
    static long step(Path folder) {
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve(TrainingCheckpoint.STATE))) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder.resolve(TrainingCheckpoint.STATE), e);
        }
        try {
            return Long.parseLong(state.getProperty("iteration", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint " + folder + " records no iteration in "
                    + TrainingCheckpoint.STATE);
        }
    }

    /** Builds the network on {@code manager} and fills its weights. */
    EscNetNetwork load(NDManager manager) {
        if (checkpoint == null) {
            return EscNetFactory.buildRandom(spec, manager);
        }
        EscNetNetwork network = EscNetFactory.buildForCheckpoint(spec, manager);
        try {
            CheckpointModel.loadInto(network, manager, checkpoint);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return network;
    }
}
