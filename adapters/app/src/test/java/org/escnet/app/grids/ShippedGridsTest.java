package org.escnet.app.grids;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.escnet.app.EmbeddedPostgresTestResource;
import org.escnet.app.YamlBodies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every grid shipped in {@code experiments/} passes the server's validation (benchmark names, presets, prompt
 * strategies, base files) and expands to the cells its description promises, so a user's first submission of one
 * cannot fail on the file itself. A dry run stores nothing.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class ShippedGridsTest {
    private static final Path EXPERIMENTS = Path.of("../../experiments").toAbsolutePath().normalize();

    /** Cells per shipped grid: the paper's tables (Table 1 with three seeds) and the CPU-sized ShapesWorld grids. */
    private static final Map<String, Integer> EXPECTED_CELLS = Map.of(
            "demo.yaml", 4,
            "shapesworld-pretrained-clip.yaml", 2,
            "table1-vitb16.yaml", 6,
            "table2-sam-ablation.yaml", 3,
            "table3-prompt-combinations.yaml", 6);

    @BeforeAll
    static void yaml() {
        YamlBodies.enable();
    }

    @Test
    void everyShippedGridValidatesAndExpandsToItsCells() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        List<Path> grids;
        try (Stream<Path> files = Files.list(EXPERIMENTS)) {
            grids = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path grid : grids) {
            int cells = given().contentType("application/yaml").body(Files.readString(grid))
                    .queryParam("dryRun", true).queryParam("baseDir", EXPERIMENTS.toString())
                    .queryParam("source", grid.getFileName().toString())
                    .post("/api/grids").then().statusCode(200).body("dryRun", equalTo(true))
                    .extract().jsonPath().getList("preview").size();
            found.put(grid.getFileName().toString(), cells);
        }
        assertThat(found).isEqualTo(new TreeMap<>(EXPECTED_CELLS));
    }
}
