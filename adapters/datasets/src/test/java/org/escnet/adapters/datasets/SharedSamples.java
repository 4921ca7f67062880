package org.escnet.adapters.datasets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The reference data under {@code ../shared/data}, found through the {@code escnet.shared-dir} system property. */
final class SharedSamples {
    private SharedSamples() {
    }

    /** The shared data folder; skips the calling test with a clear message when it is absent. */
    static Path data() {
        String dir = System.getProperty("escnet.shared-dir", "../../../shared");
        Path data = Path.of(dir).resolve("data").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(data.resolve("samples")),
                "reference data not found at " + data + " (set -Descnet.shared-dir); skipping");
        return data;
    }

    static Path vocRoot() {
        return data().resolve("samples/voc");
    }

    static Path adeRoot() {
        return data().resolve("samples/ade20k_150");
    }

    static Path classNames() {
        return data().resolve("classnames");
    }
}
