package org.escnet.adapters.djl.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoint folder of a run, {@code <workDir>/checkpoint}, replaced atomically: a new checkpoint is written
 * into a temporary sibling, the old one is moved aside, the new one renamed into place, and only then the old one is
 * deleted. A crash at any point leaves either the old or the new checkpoint complete ({@link #latest} finds it).
 */
public final class TrainingCheckpoint {
    /** Files inside a checkpoint. */
    public static final String MODEL = "model.params";
    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String STATE = "state.properties";
    /** The model configuration the weights belong to (see {@link CheckpointModel}). */
    public static final String MODEL_SPEC = "model.json";

    private final Path current;
    private final Path previous;

    public TrainingCheckpoint(Path workDir) {
        this.current = workDir.resolve("checkpoint");
        this.previous = workDir.resolve("checkpoint.previous");
    }

    public Path folder() {
        return current;
    }

    /** Something that fills an empty folder with a checkpoint's files. */
    @FunctionalInterface
    public interface Writer {
        void writeInto(Path folder) throws IOException;
    }

    /** Writes a checkpoint and swaps it in. */
    public void write(Writer writer) throws IOException {
        Files.createDirectories(current.getParent());
        Path temp = Files.createTempDirectory(current.getParent(), "checkpoint.writing-");
        try {
            writer.writeInto(temp);
            deleteTree(previous);
            if (Files.exists(current)) {
                Files.move(current, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temp, current, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(previous);
        } finally {
            deleteTree(temp);
        }
    }

    /** The complete checkpoint to resume from, if any. */
    public Optional<Path> latest() {
        if (Files.isRegularFile(current.resolve(STATE))) {
            return Optional.of(current);
        }
        if (Files.isRegularFile(previous.resolve(STATE))) {
            return Optional.of(previous);
        }
        return Optional.empty();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
