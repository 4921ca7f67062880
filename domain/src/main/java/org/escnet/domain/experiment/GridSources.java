package org.escnet.domain.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where {@code base:} references are read from. Relative references resolve against the folder of the file that
 * names them, as in mmsegmentation's {@code _base_}.
 */
public interface GridSources {

    /** A base file read from disk. {@code id} identifies it for cycle detection; {@code name} is shown in errors. */
    record Source(String id, String name, String text, GridSources siblings) {
    }

    /** Reads {@code reference} (as written after {@code base:}) or fails with a message naming it. */
    Source read(String reference);

    /** Resolves against a folder of the file system. */
    static GridSources folder(Path dir) {
        return reference -> {
            Path file = dir.resolve(reference).toAbsolutePath().normalize();
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return new Source(file.toString(), file.toString(), text, folder(file.getParent()));
            } catch (NoSuchFileException e) {
                throw new org.escnet.domain.config.ConfigException("base",
                        "base file '" + reference + "' does not exist (looked for " + file + ")");
            } catch (IOException e) {
                throw new org.escnet.domain.config.ConfigException("base",
                        "cannot read base file '" + reference + "' (" + file + "): " + e.getMessage());
            }
        };
    }
}
