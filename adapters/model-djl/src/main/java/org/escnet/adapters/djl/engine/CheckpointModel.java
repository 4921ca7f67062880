package org.escnet.adapters.djl.engine;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.escnet.adapters.djl.escnet.Architecture;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.domain.config.ConfigException;
import org.escnet.domain.config.RecordBinder;
import org.escnet.domain.config.YamlTrees;
import org.escnet.domain.experiment.CanonicalJson;
import org.escnet.domain.model.ModelSpec;

/**
 * The model half of a checkpoint: the {@link ModelSpec} the weights were trained with ({@code model.json}, the
 * domain's canonical configuration JSON) and the weights themselves. Recording the spec lets a checkpoint be loaded
 * without its run's configuration, and lets a load into a network of another architecture fail by naming both
 * instead of with a parameter-shape error.
 */
public final class CheckpointModel {
    private CheckpointModel() {
    }

    /** Writes {@code spec} as {@code model.json} into a checkpoint folder being filled. */
    public static void writeSpec(Path folder, ModelSpec spec) throws IOException {
        Files.writeString(folder.resolve(TrainingCheckpoint.MODEL_SPEC),
                CanonicalJson.write(RecordBinder.toTree(spec)), StandardCharsets.UTF_8);
    }

    /** The recorded spec, or empty for a checkpoint written before checkpoints recorded their model. */
    public static Optional<ModelSpec> readSpec(Path folder) throws IOException {
        Path file = folder.resolve(TrainingCheckpoint.MODEL_SPEC);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return Optional.of(RecordBinder.bind(ModelSpec.class, YamlTrees.parse(text, file.toString()).root(),
                    ModelSpec.DEFAULTS, ""));
        } catch (ConfigException e) {
            throw new IOException("checkpoint " + folder + " has an unreadable " + TrainingCheckpoint.MODEL_SPEC + ": "
                    + e.getMessage(), e);
        }
    }

    /** The recorded spec; a checkpoint without one cannot be loaded alone, and the message says why. */
    public static ModelSpec requireSpec(Path folder) throws IOException {
        return readSpec(folder).orElseThrow(() -> new IllegalArgumentException("checkpoint " + folder + " has no "
                + TrainingCheckpoint.MODEL_SPEC + ": it was written before checkpoints recorded their model, so its "
                + "architecture is unknown; resume its run to write a new checkpoint"));
    }

    /**
     * Replaces the network's parameters with the checkpoint's. When the checkpoint records its spec, a network of
     * another architecture is refused before any weight is read, naming both presets.
     */
    public static void loadInto(EscNetNetwork network, NDManager manager, Path folder) throws IOException {
        Optional<ModelSpec> saved = readSpec(folder);
        if (saved.isPresent()) {
            requireSameArchitecture(folder, saved.get(), network);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(folder.resolve(TrainingCheckpoint.MODEL))))) {
            network.loadParameters(manager, in);
        } catch (MalformedModelException | IllegalArgumentException | IllegalStateException e) {
            throw new IOException("checkpoint " + folder + (saved.map(s -> " (preset " + s.preset() + ")").orElse(""))
                    + " does not fit this network (preset " + network.spec().preset() + "): " + e.getMessage(), e);
        }
    }

    private static void requireSameArchitecture(Path folder, ModelSpec saved, EscNetNetwork network) {
        Architecture expected = Architecture.resolve(saved);
        Architecture actual = network.architecture();
        if (!expected.preset().equals(actual.preset())) {
            throw new IllegalArgumentException("checkpoint " + folder + " holds a " + saved.preset()
                    + " network; it cannot be loaded into a " + network.spec().preset() + " network");
        }
        if (!describe(expected).equals(describe(actual))) {
            throw new IllegalArgumentException("checkpoint " + folder + " holds a " + saved.preset()
                    + " network built as " + describe(expected) + "; this network is built as " + describe(actual));
        }
    }

    /** What decides the parameter shapes; sam-init, prompts and class cap change behaviour, not shapes. */
    private static String describe(Architecture a) {
        return a.samBlocks() + " SAM blocks, " + a.vlfLayers() + " VLF layers, correlation kernel " + a.corrKernel()
                + ", " + a.templates().size() + " template(s)";
    }
}
