package org.escnet.app.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.escnet.app.EmbeddedPostgresTestResource;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.SubmitGrid;
import org.escnet.application.ports.out.RunTracker;
import org.junit.jupiter.api.Test;

/** Server-side checks of the pages and the table export API, without a browser. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class DashboardPagesTest {
    @Inject
    SubmitGrid submit;
    @Inject
    BrowseRuns browse;
    @Inject
    RunTracker tracker;

    @Test
    void tableExportAnswersEachFormatAnd404Or400AsProblems() {
        KnownGrid grid = KnownGrid.create("pages-export", submit, browse, tracker);
        String markdown = given().get("/api/grids/" + grid.gridId + "/table?format=markdown").then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        assertThat(markdown).contains("| prompts | n | A-150 | Latency (ms) |",
                "| points | 2 | <u>31.0</u> ± 1.4 | **10.0** |", "| masks | 2 | **35.5** ± 0.7 | <u>12.0</u> |");
        String csv = given().get("/api/grids/" + grid.gridId + "/table?format=csv&seeds=each").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        // One header line and one line per run (3 cells × 2 seeds).
        assertThat(csv.split("\r\n")).hasSize(7);
        assertThat(csv.split("\r\n")[0]).startsWith("model.prompts,seed,runs,seeds,eval/ade150/mIoU,");

        given().get("/api/grids/" + grid.gridId + "/table?format=docx").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", equalTo("unknown table format 'docx'; expected one of latex, markdown, csv"));
        given().get("/api/grids/987654/table?format=latex").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("detail", equalTo("grid 987654 does not exist"));
    }

    @Test
    void pagesUseOnlyAssetsServedByTheApplication() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        given().get("/webjars/chart.js/dist/chart.umd.min.js").then().statusCode(200);
        given().get("/static/escnet.css").then().statusCode(200);
        given().get("/static/escnet.js").then().statusCode(200);
    }

    @Test
    void theAblationTableReadsWithoutJavaScriptAndSortsOnTheServer() {
        KnownGrid grid = KnownGrid.create("pages-sort", submit, browse, tracker);
        String html = given().get("/grids/" + grid.gridId + "?sort=eval/ade150/mIoU&dir=asc").then().statusCode(200)
                .extract().asString();
        // Ascending mIoU: points (31.0) first.
        int points = html.indexOf("<td>points</td>");
        int masks = html.indexOf("<td>masks</td>");
        assertThat(points).isPositive().isLessThan(masks);
        assertThat(html).contains("<strong>35.5</strong>", "<u>31.0</u>");
        String filtered = given().queryParam("filter", "prompts=masks").get("/grids/" + grid.gridId).then().statusCode(200)
                .extract().asString();
        assertThat(filtered).contains("<td>masks</td>").doesNotContain("<td>points</td>");
    }

    @Test
    void unknownGridsAndRunsAnswerAnHtml404AndArtifactsMustBeRegistered() {
        given().get("/grids/424242").then().statusCode(404).body(containsString("grid 424242 does not exist"));
        given().get("/runs/424242").then().statusCode(404).body(containsString("run 424242 does not exist"));
        KnownGrid grid = KnownGrid.create("pages-artifacts", submit, browse, tracker);
        given().get("/runs/" + grid.run("points", 0) + "/artifacts/../../etc/passwd").then().statusCode(404);
        given().get("/runs/" + grid.run("points", 0) + "/artifacts/qualitative/ade150/0/image.png").then().statusCode(404);
    }

    @Test
    void theSegmentPageOffersThePresetsOnceTheModelAdapterProvidesInference() {
        given().get("/segment").then().statusCode(200)
                .body(containsString("<option value=\"escnet-tiny\""))
                .body(containsString("escnet-tiny (preset, random weights)"))
                .body(org.hamcrest.Matchers.not(containsString("No segmentation model is available on this server")));
    }
}
