package org.escnet.app.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.escnet.app.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class GridApiTest {
    @Inject
    EntityManager em;

    @org.junit.jupiter.api.BeforeAll
    static void yaml() {
        org.escnet.app.YamlBodies.enable();
    }

    static final String GRID_2X3 = """
            name: %s
            model:
              preset: escnet-tiny
            axes:
              model.sam-init: [none, random]
              model.prompts: [points, masks, points+masks]
            """;

    private long rowCount(String table) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue();
    }

    private Response post(String body) {
        return given().contentType("application/yaml").body(body).post("/api/grids");
    }

    @Test
    void twoByThreeGridCreatesSixRunsAndAgainNone() {
        Response first = post(GRID_2X3.formatted("two-by-three"));
        first.then().statusCode(201).body("cells", equalTo(6)).body("created", equalTo(6)).body("existing", equalTo(0));
        long id = first.jsonPath().getLong("id");

        post(GRID_2X3.formatted("two-by-three")).then().statusCode(201)
                .body("id", equalTo((int) id)).body("created", equalTo(0)).body("existing", equalTo(6));

        given().get("/api/grids/" + id).then().statusCode(200)
                .body("grid.total", equalTo(6)).body("grid.counts.queued", equalTo(6))
                .body("runs.items.size()", equalTo(6));
        List<String> labels = given().get("/api/grids/" + id).jsonPath().getList("runs.items.label");
        assertThat(labels).contains("model.sam-init=none, model.prompts=points",
                "model.sam-init=random, model.prompts=points+masks");
    }

    @Test
    void addingAnAxisValueCreatesOnlyTheNewCells() {
        post(GRID_2X3.formatted("growing")).then().statusCode(201).body("created", equalTo(6));
        String bigger = GRID_2X3.formatted("growing").replace("[none, random]", "[none, random, pretrained]");
        post(bigger).then().statusCode(201).body("cells", equalTo(9)).body("created", equalTo(3))
                .body("existing", equalTo(6));
    }

    @Test
    void dryRunStoresNothingAndListsTheCells() {
        long before = rowCount("run");
        given().contentType("application/yaml").body(GRID_2X3.formatted("dry")).queryParam("dryRun", true)
                .post("/api/grids").then().statusCode(200).body("dryRun", equalTo(true))
                .body("preview.size()", equalTo(6));
        assertThat(rowCount("run")).isEqualTo(before);
    }

    @Test
    void badGridsAnswer400NamingTheProblemAndStoreNothing() throws Exception {
        long grids = rowCount("grid");
        long runs = rowCount("run");
        Path dir = Files.createTempDirectory("grids");
        Files.writeString(dir.resolve("a.yaml"), "base: b.yaml\n");
        Files.writeString(dir.resolve("b.yaml"), "base: a.yaml\n");

        problem("name: x\naxes: [unclosed\n", null).body("detail", containsString("malformed YAML"))
                .body("line", equalTo(2));
        problem("name: x\nmodel:\n  preset: escnet-tiny\n  promts: points\n", null)
                .body("key", equalTo("model.promts")).body("line", equalTo(4))
                .body("detail", containsString("unknown key")).body("detail", containsString("did you mean 'prompts'"));
        problem("name: x\naxes:\n  model.nothing-here: [1, 2]\n", null)
                .body("key", equalTo("axes.model.nothing-here")).body("line", equalTo(3))
                .body("detail", containsString("is not a run configuration key"));
        problem("", null).body("detail", containsString("empty"));
        problem("name: x\naxes:\n  model.sam-init: [none]\nexclude:\n  - {model.sam-init: none}\n", null)
                .body("detail", containsString("no cells"));
        problem("name: x\nbase: a.yaml\n", dir).body("detail", containsString("cycle"));
        problem("name: x\nbase: missing.yaml\n", dir).body("detail", containsString("does not exist"))
                .body("line", equalTo(2));
        problem("name: x\nmodel:\n  esc-blocks: four\n", null).body("key", equalTo("model.esc-blocks"))
                .body("detail", containsString("expected a whole number"));
        problem("name: x\naxes:\n  model.sam-init: [none, sometimes]\n", null)
                .body("detail", containsString("[pretrained, random, none]"));

        assertThat(rowCount("grid")).isEqualTo(grids);
        assertThat(rowCount("run")).isEqualTo(runs);
    }

    private io.restassured.response.ValidatableResponse problem(String body, Path baseDir) {
        var request = given().contentType("application/yaml").body(body);
        if (baseDir != null) {
            request.queryParam("baseDir", baseDir.toString());
        }
        return request.post("/api/grids").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void unknownIdsAre404Problems() {
        given().get("/api/grids/999999").then().statusCode(404).body("detail", equalTo("grid 999999 does not exist"));
        given().get("/api/runs/999999").then().statusCode(404);
        given().post("/api/runs/999999/cancel").then().statusCode(404);
        given().post("/api/grids/999999/rerun-failed").then().statusCode(404);
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
