package org.escnet.application.ports.in;

import java.nio.file.Path;

/**
 * A grid document to submit.
 *
 * @param document the grid file's text (YAML or JSON)
 * @param source   a name for error messages (a file name), or null for a request body
 * @param baseDir  folder against which relative {@code base:} references resolve
 * @param dryRun   expand and report the cells, store nothing
 */
public record SubmitGridCommand(String document, String source, Path baseDir, boolean dryRun) {
    public SubmitGridCommand {
        if (document == null) {
            throw new IllegalArgumentException("a grid document is required");
        }
        if (baseDir == null) {
            throw new IllegalArgumentException("a base folder is required to resolve base: references");
        }
    }
}
