package org.escnet.adapters.djl.weights;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared reference data folder ({@code escnet.shared-dir}); tests that need it skip when it is absent. */
public final class SharedData {

    private SharedData() {
    }

    /** @return {@code <shared>/data/<relative>}, or skips the calling test with a message naming the path */
    public static Path require(String relative) {
        String dir = System.getProperty("escnet.shared-dir");
        assumeTrue(dir != null, "system property escnet.shared-dir is not set: skipping a reference-data test");
        Path p = Path.of(dir, "data").resolve(relative);
        assumeTrue(Files.exists(p), "reference data " + p + " is absent: skipping");
        return p;
    }
}
