package org.escnet.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.escnet.domain.config.ConfigException;
import org.escnet.domain.model.SamInit;
import org.junit.jupiter.api.Test;

class GridExpansionTest {
    private static List<GridCell> expand(String yaml) throws IOException {
        return expand(yaml, Files.createTempDirectory("grid"));
    }

    private static List<GridCell> expand(String yaml, Path dir) {
        return new GridExpander(RunConfigValidator.NONE).expand(GridFileReader.read(yaml, "grid.yaml",
                GridSources.folder(dir)));
    }

    @Test
    void productOfAxesFirstAxisSlowest() throws IOException {
        List<GridCell> cells = expand("""
                name: g
                axes:
                  model.sam-init: [none, random]
                  model.prompts: [points, masks, points+masks]
                """);
        assertThat(cells).extracting(GridCell::label).containsExactly(
                "model.sam-init=none, model.prompts=points", "model.sam-init=none, model.prompts=masks",
                "model.sam-init=none, model.prompts=points+masks", "model.sam-init=random, model.prompts=points",
                "model.sam-init=random, model.prompts=masks", "model.sam-init=random, model.prompts=points+masks");
        assertThat(cells.get(3).config().model().samInit()).isEqualTo(SamInit.RANDOM);
        assertThat(cells.stream().map(GridCell::key).distinct()).hasSize(6);
    }

    @Test
    void expansionIsDeterministicAndKeysDependOnlyOnTheResolvedConfig() throws IOException {
        String grid = "name: g\naxes: {train.lr: [0.001, 0.0001]}\nseeds: [0, 1]\n";
        assertThat(expand(grid)).extracting(GridCell::key).containsExactlyElementsOf(
                expand(grid).stream().map(GridCell::key).toList());
        // The same configuration written differently (defaults spelt out, other key order) is the same cell.
        GridCell implicit = expand("name: a\n").get(0);
        GridCell explicit = expand("name: b\nseed: 0\nmodel: {prompts: points+masks, preset: escnet-vit-b16}\n").get(0);
        assertThat(explicit.key()).isEqualTo(implicit.key());
        // …and a different value is a different cell.
        assertThat(expand("name: c\nseed: 1\n").get(0).key()).isNotEqualTo(implicit.key());
    }

    @Test
    void rowsExcludesAndSeeds() throws IOException {
        List<GridCell> cells = expand("""
                name: g
                axes:
                  model.sam-init: [none, random, pretrained]
                rows:
                  - {model.sam-init: random, model.prompts: boxes}
                exclude:
                  - {model.sam-init: [none, random], model.prompts: points+masks}
                seeds: [0, 7]
                """);
        assertThat(cells).extracting(GridCell::label).containsExactly(
                "model.sam-init=pretrained, seed=0", "model.sam-init=pretrained, seed=7",
                "model.sam-init=random, model.prompts=boxes, seed=0", "model.sam-init=random, model.prompts=boxes, seed=7");
        assertThat(cells.get(1).config().seed()).isEqualTo(7);
    }

    @Test
    void baseFilesChainAndRelativePathsResolveNextToTheirFile() throws IOException {
        Path dir = Files.createTempDirectory("grids");
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/common.yaml"), "train: {iterations: 10, lr: 0.5}\nseeds: [3]\n");
        Files.writeString(dir.resolve("base/tiny.yaml"), "base: common.yaml\nmodel: {preset: escnet-tiny}\ntrain: {lr: 0.25}\n");
        List<GridCell> cells = expand("name: g\nbase: base/tiny.yaml\naxes: {model.prompts: [points]}\n", dir);
        RunConfig config = cells.get(0).config();
        assertThat(config.model().preset()).isEqualTo("escnet-tiny");
        assertThat(config.train().iterations()).isEqualTo(10);
        assertThat(config.train().lr()).isEqualTo(0.25);
        assertThat(config.seed()).isEqualTo(3);
    }

    @Test
    void problemsNameTheKeyAndLine() throws IOException {
        Path dir = Files.createTempDirectory("grids");
        Files.writeString(dir.resolve("a.yaml"), "base: b.yaml\n");
        Files.writeString(dir.resolve("b.yaml"), "base: a.yaml\n");
        assertThatThrownBy(() -> expand("name: g\nbase: a.yaml\n", dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> expand("name: g\n\ntrain:\n  iteratons: 5\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("train.iteratons").hasMessageContaining("line 4")
                .hasMessageContaining("did you mean 'iterations'");
        assertThatThrownBy(() -> expand("name: g\naxes:\n  train.batch-size: [4, 0]\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("batch-size").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> expand("name: g\nname: h\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> expand("- a\n- b\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be a mapping");
        assertThatThrownBy(() -> expand("name: g\nseeds: [1, 1]\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("listed twice");
    }
}
