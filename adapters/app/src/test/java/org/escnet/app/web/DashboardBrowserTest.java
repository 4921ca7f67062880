package org.escnet.app.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.escnet.app.EmbeddedPostgresTestResource;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.ManageRuns;
import org.escnet.application.ports.in.SubmitGrid;
import org.escnet.application.ports.out.PageRequest;
import org.escnet.application.ports.out.RunTracker;
import org.escnet.domain.experiment.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in a real headless Chromium against the whole application on an embedded PostgreSQL. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class DashboardBrowserTest {
    @TestHTTPResource("/")
    URL root;
    @Inject
    SubmitGrid submit;
    @Inject
    BrowseRuns browse;
    @Inject
    ManageRuns manage;
    @Inject
    RunTracker tracker;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private WebElement rowOf(String prompts) {
        return browser.findElements(By.cssSelector("#ablation-table tbody tr")).stream()
                .filter(tr -> !tr.findElements(By.tagName("td")).isEmpty()
                        && tr.findElements(By.tagName("td")).get(0).getText().equals(prompts))
                .findFirst().orElseThrow(() -> new AssertionError("no table row for prompts=" + prompts));
    }

    @Test
    void aGridSubmittedThroughThePageShowsItsProgressChangingWithoutAReload() throws Exception {
        browser.get(url("/submit"));
        browser.findElement(By.id("document")).sendKeys("""
                name: browser-submitted
                model:
                  preset: escnet-tiny
                axes:
                  model.prompts: [points, masks]
                """);
        browser.findElement(By.id("preview-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        assertThat(browser.findElement(By.id("preview-title")).getText()).isEqualTo("browser-submitted: 2 cells");
        assertThat(browser.findElements(By.cssSelector("#preview tbody tr"))).hasSize(2);

        browser.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.urlMatches("/grids/\\d+"));
        long gridId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/grids/(\\d+).*", "$1"));
        assertThat(browser.findElement(By.cssSelector("#progress [data-status=queued]")).getText()).isEqualTo("2");

        browser.get(url("/"));
        By cancelled = By.cssSelector("#grid-" + gridId + " [data-status=cancelled]");
        By queued = By.cssSelector("#grid-" + gridId + " [data-status=queued]");
        assertThat(browser.findElement(queued).getText()).isEqualTo("2");
        assertThat(browser.findElement(cancelled).getText()).isEqualTo("0");
        // Marks the page so a reload would be noticed: htmx must update the row in place.
        browser.executeScript("document.body.dataset.loadedOnce = 'yes'");

        List<Run> runs = browse.runs(gridId, null, new PageRequest(0, 10)).items();
        manage.cancelRun(runs.get(0).id());

        wait.until(ExpectedConditions.textToBe(cancelled, "1"));
        assertThat(browser.findElement(queued).getText()).isEqualTo("1");
        assertThat(browser.executeScript("return document.body.dataset.loadedOnce")).isEqualTo("yes");
        HeadlessChromium.screenshot(browser, "grids.png");
    }

    @Test
    void theAblationTableMarksBestBoldAndSecondUnderlinedAndExportsLatex() throws Exception {
        KnownGrid grid = KnownGrid.create("browser-ablation", submit, browse, tracker);
        browser.get(url("/grids/" + grid.gridId));

        List<String> headers = browser.findElements(By.cssSelector("#ablation-table thead th")).stream()
                .map(WebElement::getText).toList();
        assertThat(headers).containsExactly("prompts", "n", "A-150", "Latency (ms)", "Runs", "Status");
        // Columns: prompts, n, A-150, latency.
        WebElement points = rowOf("points");
        WebElement masks = rowOf("masks");
        WebElement both = rowOf("points+masks");
        assertThat(cell(masks, 2).findElement(By.tagName("strong")).getText()).isEqualTo("35.5");
        assertThat(cell(both, 2).findElement(By.tagName("strong")).getText()).isEqualTo("35.5");
        assertThat(cell(points, 2).findElement(By.tagName("u")).getText()).isEqualTo("31.0");
        assertThat(cell(points, 2).findElements(By.tagName("strong"))).isEmpty();
        assertThat(cell(points, 2).getText()).isEqualTo("31.0 ± 1.4");
        assertThat(cell(masks, 2).getText()).isEqualTo("35.5 ± 0.7");
        assertThat(cell(points, 3).findElement(By.tagName("strong")).getText()).isEqualTo("10.0");
        assertThat(cell(masks, 3).findElement(By.tagName("u")).getText()).isEqualTo("12.0");
        assertThat(cell(both, 3).findElement(By.tagName("u")).getText()).isEqualTo("12.0");
        assertThat(cell(points, 1).getText()).isEqualTo("2");

        // Choosing points as the baseline: masks gains 35.5 − 31.0 = +4.5 mIoU and loses 2.0 ms.
        points.findElement(By.className("set-baseline")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ablation-table tr.baseline")));
        masks = rowOf("masks");
        assertThat(cell(masks, 2).findElement(By.cssSelector(".delta.better")).getText()).isEqualTo("(+4.5)");
        assertThat(cell(masks, 3).findElement(By.cssSelector(".delta.worse")).getText()).isEqualTo("(+2.0)");
        HeadlessChromium.screenshot(browser, "ablation-table.png");

        String latexLink = browser.findElement(By.id("export-latex")).getAttribute("href");
        String latex = given().get(latexLink).then().statusCode(200).extract().asString();
        assertThat(latex).contains("\\begin{tabular}{lccc}", "\\toprule", "\\bottomrule",
                "\\caption{browser-ablation}",
                "prompts & $n$ & A-150 & Latency (ms) \\\\",
                "points & 2 & \\underline{31.0}$\\pm$1.4 & \\textbf{10.0} \\\\ % baseline",
                "masks & 2 & \\textbf{35.5}$\\pm$0.7 {\\scriptsize(+4.5)} & \\underline{12.0} {\\scriptsize(+2.0)} \\\\",
                "points+masks & 2 & \\textbf{35.5} {\\scriptsize(+4.5)} & \\underline{12.0} {\\scriptsize(+2.0)} \\\\");
    }

    @Test
    void comparingTwoRunsShowsOnlyTheKeysThatDiffer() throws Exception {
        KnownGrid grid = KnownGrid.create("browser-compare", submit, browse, tracker);
        browser.get(url("/compare?run=" + grid.run("points", 0) + "&run=" + grid.run("masks", 0)));
        assertThat(keys()).containsExactly("model.prompts");
        assertThat(browser.findElement(By.cssSelector("#config-diff tbody tr[data-key='model.prompts']")).getText())
                .isEqualTo("model.prompts points masks");

        browser.get(url("/compare?run=" + grid.run("points", 0) + "&run=" + grid.run("masks", 1)));
        assertThat(keys()).containsExactly("model.prompts", "seed");
        assertThat(browser.findElements(By.cssSelector("#metric-compare tbody tr"))).isNotEmpty();
    }

    private List<String> keys() {
        return browser.findElements(By.cssSelector("#config-diff tbody tr[data-key]")).stream()
                .map(tr -> tr.getAttribute("data-key")).toList();
    }

    @Test
    void anInvalidGridShowsTheErrorInlineAtItsLineAndKey() throws Exception {
        browser.get(url("/submit"));
        browser.findElement(By.id("document")).sendKeys("name: misspelt\nmodel:\n  preset: escnet-tiny\n  promts: points\n");
        browser.findElement(By.id("preview-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));

        assertThat(browser.findElement(By.id("problem-line")).getText()).isEqualTo("4");
        assertThat(browser.findElement(By.id("problem-key")).getText()).isEqualTo("model.promts");
        WebElement atFault = browser.findElement(By.id("line-at-fault"));
        assertThat(atFault.getAttribute("value")).isEqualTo("4");
        assertThat(atFault.findElement(By.tagName("code")).getText()).isEqualTo("promts: points");
        assertThat(atFault.findElement(By.className("inline-error")).getText())
                .startsWith("model.promts:").contains("did you mean 'prompts'");
        // The document is kept for fixing.
        assertThat(browser.findElement(By.id("document")).getAttribute("value")).contains("promts: points");
    }

    @Test
    void theRunPageShowsStatusCurvesAndEvaluation() throws Exception {
        KnownGrid grid = KnownGrid.create("browser-run", submit, browse, tracker);
        long runId = grid.run("masks", 1);
        browser.get(url("/runs/" + runId));

        assertThat(browser.findElement(By.cssSelector("#run-status [data-status]")).getText()).isEqualTo("queued");
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return typeof Chart !== 'undefined' && !!Chart.getChart('loss-chart') && !!Chart.getChart('lr-chart')")));
        Object lossPoints = browser.executeScript("return Chart.getChart('loss-chart').data.datasets[0].data.length");
        assertThat(((Number) lossPoints).intValue()).isEqualTo(5);
        assertThat(browser.findElement(By.tagName("details")).getText()).isEqualTo("ade150: mIoU 36 (0 classes)");
        HeadlessChromium.screenshot(browser, "run.png");
    }

    private static WebElement cell(WebElement row, int index) {
        return row.findElements(By.tagName("td")).get(index);
    }
}
