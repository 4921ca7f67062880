package org.escnet.adapters.djl.prompts;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.escnet.domain.prompts.PpgSpec;
import org.escnet.domain.prompts.CorrelationMaps;
import org.escnet.domain.prompts.PromptStrategies;
import org.escnet.domain.prompts.PromptStrategy;
import org.escnet.domain.prompts.PseudoPrompts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A third-party jar adds a strategy name: the example plug-in in examples/peaks-strategy, loaded the way the packaged
 * application loads the plug-in folder (a class loader over the jar, the application's loader as parent).
 */
class PluginPromptStrategyTest {

    private static final Path EXAMPLE_TARGET = Path.of("../../examples/peaks-strategy/target");

    private static URLClassLoader plugins;

    @BeforeAll
    static void loadTheExampleJar() throws IOException {
        Path jar = null;
        if (Files.isDirectory(EXAMPLE_TARGET)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(EXAMPLE_TARGET, "peaks-strategy-*.jar")) {
                for (Path candidate : jars) {
                    jar = candidate;
                }
            }
        }
        assumeTrue(jar != null, "example plug-in not built: no peaks-strategy-*.jar in "
                + EXAMPLE_TARGET.toAbsolutePath().normalize() + "; build it with"
                + " `cd examples/peaks-strategy && ../../mvnw -o -q -B package`");
        plugins = new URLClassLoader(new URL[] {jar.toUri().toURL()}, PluginPromptStrategyTest.class.getClassLoader());
    }

    @AfterAll
    static void closeLoader() throws IOException {
        if (plugins != null) {
            plugins.close();
        }
    }

    @Test
    void theJarAddsTheNamePeaksAfterTheBuiltIns() {
        assertThat(PromptStrategies.known(plugins)).containsExactly("points", "boxes", "masks", "peaks");
        assertThat(PromptStrategies.byName("peaks", plugins).getClass().getName())
                .isEqualTo("org.escnet.examples.peaks.PeaksPromptStrategy");
        PromptStrategies.validate("peaks+masks", plugins);
        assertThat(PromptStrategies.byName("peaks+masks", plugins).name()).isEqualTo("masks+peaks");
        assertThat(PromptStrategies.known()).doesNotContain("peaks");
    }

    /**
     * Two blobs S = 0.05·exp(−r²/2) at (1, 2) and 0.048·exp(−r²/2) at (5, 5) on an 8x8 grid have exactly two local
     * maxima, the blob centres; with N_o = 3 the third point is not-a-point.
     */
    @Test
    void peaksPutsPointsOnTheLocalMaximaAndCombinesWithMasks() {
        int grid = TwoBlobMap.GRID;
        float[] map = TwoBlobMap.values();
        PpgSpec ppg = new PpgSpec(0.01, 1.0, 10, 3, 10.0);
        PromptStrategy combined = PromptStrategies.byName("peaks+masks", plugins);
        try (NDManager manager = NDManager.newBaseManager();
             PseudoPrompts prompts = combined.generate(
                     CorrelationMaps.of(manager.create(map, new Shape(1, 1, grid, grid))), ppg)) {
            assertThat(prompts.points().toFloatArray()).containsExactly(1, 2, 5, 5, 0, 0);
            assertThat(prompts.pointLabels().toFloatArray()).containsExactly(1, 1, -1);
            assertThat(prompts.masks().getShape()).isEqualTo(new Shape(1, 1, 32, 32));
            assertThat(prompts.boxes()).isNull();
            long positiveCells = Arrays.stream(boxed(prompts.masks().toFloatArray())).filter(v -> v > 0).count();
            // the two plus-shaped foregrounds (5 cells each), 16 mask pixels per cell
            assertThat(positiveCells).isEqualTo(10 * 16);
        }
    }

    private static Float[] boxed(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
