package org.escnet.application.ports.out;

/**
 * A file a run produced (a checkpoint, a qualitative PNG), stored under the data directory.
 *
 * @param path      path within the run's artifacts, e.g. {@code qualitative/ade150/0001.png}
 * @param file      absolute location on disk
 * @param mediaType e.g. {@code image/png}
 * @param sizeBytes file size
 * @param sha256    content hash (hex)
 */
public record ArtifactRecord(String path, String file, String mediaType, long sizeBytes, String sha256) {
}
