package org.escnet.app.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.SubmitGrid;
import org.escnet.application.ports.in.SubmitGridCommand;
import org.escnet.application.ports.in.SubmitGridResult;
import org.escnet.application.ports.out.PageRequest;
import org.escnet.application.ports.out.RunQueries;
import org.escnet.application.ports.out.StatusCounts;

/** The running side of {@code escnet demo}: submit the grid in-process, report progress, and summarise the results. */
public class DemoApplication implements QuarkusApplication {
    @Inject
    SubmitGrid submit;
    @Inject
    BrowseRuns browse;
    @ConfigProperty(name = "quarkus.http.host")
    String host;
    @ConfigProperty(name = "quarkus.http.port")
    int port;

    @Override
    public int run(String... args) throws Exception {
        Path file = Path.of(args[0]);
        boolean exitWhenDone = Boolean.parseBoolean(args[1]);
        long started = System.nanoTime();
        SubmitGridResult result = submit.submit(new SubmitGridCommand(Files.readString(file, StandardCharsets.UTF_8),
                file.getFileName().toString(), file.getParent(), false));
        System.out.printf("ESC-Lab demo: grid %d '%s', %d cells (%d new). Dashboard: http://%s:%d/grids/%d%n",
                result.gridId(), result.name(), result.cells(), result.created(), host, port, result.gridId());
        String last = "";
        while (true) {
            StatusCounts c = browse.counts(result.gridId());
            String line = String.format(Locale.ROOT, "demo: %d/%d done (succeeded %d, failed %d, cancelled %d), "
                            + "running %d, queued %d", c.succeeded() + c.failed() + c.cancelled(), c.total(), c.succeeded(),
                    c.failed(), c.cancelled(), c.running(), c.queued());
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
            }
            if (c.finished()) {
                printSummary(result.gridId());
                System.out.printf(Locale.ROOT, "demo: finished in %.1f min%n", (System.nanoTime() - started) / 6e10);
                if (exitWhenDone) {
                    return c.failed() + c.cancelled() == 0 ? 0 : 1;
                }
                System.out.println("demo: still serving the dashboard; Ctrl-C to stop");
                Quarkus.waitForExit();
                return 0;
            }
            Thread.sleep(2000);
        }
    }

    private void printSummary(long gridId) {
        var rows = browse.cellResults(gridId, java.util.List.of("eval/"), new PageRequest(0, 500));
        for (RunQueries.CellResult r : rows.items()) {
            StringBuilder metrics = new StringBuilder();
            r.metrics().forEach((k, v) -> {
                if (k.endsWith("/mIoU")) {
                    metrics.append(String.format(Locale.ROOT, "  %s=%.1f", k.substring(5, k.length() - 5), v));
                }
            });
            System.out.printf("  run %d %-10s %s%s%n", r.runId(), r.status(), r.cellLabel(), metrics);
        }
        browse.runs(gridId, org.escnet.domain.experiment.RunStatus.FAILED, new PageRequest(0, 20)).items()
                .forEach(run -> System.out.printf("  run %d failed: %s%n", run.id(), run.failureReason()));
    }
}
