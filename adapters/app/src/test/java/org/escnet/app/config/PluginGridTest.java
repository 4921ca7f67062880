package org.escnet.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.escnet.domain.experiment.GridCell;
import org.escnet.domain.experiment.GridExpander;
import org.escnet.domain.experiment.GridFileReader;
import org.escnet.domain.experiment.GridSources;
import org.escnet.domain.experiment.RunConfigValidator;
import org.escnet.domain.config.ConfigException;
import org.escnet.domain.prompts.PromptStrategies;
import org.junit.jupiter.api.Test;

/** A strategy jar dropped in the plug-in folder becomes a value a grid file may use. */
class PluginGridTest {
    private static final String GRID = """
            name: plug-in-ablation
            model: {preset: escnet-tiny}
            axes:
              model.prompts: [points+masks, peaks+masks]
            """;

    private static Path exampleJar() throws IOException {
        Path target = Path.of("../../examples/peaks-strategy/target");
        assumeTrue(Files.isDirectory(target), "the example plug-in is not built: run ./mvnw install (it builds "
                + "examples/peaks-strategy before the adapters)");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "peaks-strategy-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        assumeTrue(false, "no peaks-strategy jar in " + target);
        return null;
    }

    private static List<GridCell> expand(ClassLoader loader) throws IOException {
        RunConfigValidator strategies = config -> PromptStrategies.validate(config.model().prompts(), loader);
        return new GridExpander(strategies).expand(GridFileReader.read(GRID, "grid.yaml",
                GridSources.folder(Files.createTempDirectory("grid"))));
    }

    @Test
    void aJarInThePluginFolderAddsItsStrategyToGrids() throws IOException {
        Path plugins = Files.createTempDirectory("plugins");
        Files.copy(exampleJar(), plugins.resolve("peaks.jar"));
        ClassLoader loader = Plugins.loaderFor(plugins, getClass().getClassLoader());

        List<GridCell> cells = expand(loader);
        assertThat(cells).hasSize(2);
        assertThat(cells.get(1).config().model().prompts()).isEqualTo("peaks+masks");
    }

    @Test
    void withoutThePluginTheSameGridIsRefusedNamingTheStrategy() throws IOException {
        ClassLoader bare = Plugins.loaderFor(Files.createTempDirectory("empty-plugins"), getClass().getClassLoader());
        assertThatThrownBy(() -> expand(bare)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.prompts").hasMessageContaining("peaks");
    }
}
