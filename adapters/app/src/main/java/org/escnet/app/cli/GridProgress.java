package org.escnet.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** Polls a grid until it is finished, drawing a one-line progress bar. */
final class GridProgress {
    private static final int WIDTH = 30;
    private final ApiClient api;
    private final PrintStream out;

    GridProgress(ApiClient api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    /** Returns 0 when every run succeeded, 1 when any failed or was cancelled. */
    int waitFor(long gridId) {
        boolean tty = System.console() != null;
        String last = "";
        while (true) {
            JsonNode grid = api.get("/api/grids/" + gridId + "?size=1").path("grid");
            JsonNode c = grid.path("counts");
            long total = grid.path("total").asLong();
            long done = c.path("succeeded").asLong() + c.path("failed").asLong() + c.path("cancelled").asLong();
            int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
            String line = String.format("[%s%s] %d/%d done  running %d  queued %d  failed %d  cancelled %d%s",
                    "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, c.path("running").asLong(),
                    c.path("queued").asLong(), c.path("failed").asLong(), c.path("cancelled").asLong(),
                    grid.path("remainingSeconds").isNumber()
                            ? String.format("  ~%.0fs left", grid.path("remainingSeconds").asDouble()) : "");
            if (tty) {
                out.print("\r" + line);
            } else if (!line.equals(last)) {
                out.println(line);
            }
            last = line;
            if (grid.path("finished").asBoolean()) {
                if (tty) {
                    out.println();
                }
                return c.path("failed").asLong() + c.path("cancelled").asLong() > 0 ? 1 : 0;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
    }
}
