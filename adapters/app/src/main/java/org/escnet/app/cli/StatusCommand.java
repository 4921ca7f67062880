package org.escnet.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show all grids with their progress, or the runs of one grid.")
public class StatusCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;
    @Parameters(paramLabel = "GRID", arity = "0..1", description = "grid id")
    Long grid;

    @Override
    public Integer call() {
        ApiClient api = options.client();
        if (grid == null) {
            JsonNode page = api.get("/api/grids?size=100");
            System.out.printf("%-6s %-36s %6s %7s %7s %6s %6s %9s%n", "ID", "GRID", "TOTAL", "QUEUED", "RUNNING",
                    "DONE", "FAILED", "CANCELLED");
            for (JsonNode g : page.path("items")) {
                JsonNode c = g.path("counts");
                System.out.printf("%-6d %-36s %6d %7d %7d %6d %6d %9d%n", g.path("id").asLong(),
                        abbreviate(g.path("name").asText(), 36), g.path("total").asLong(), c.path("queued").asLong(),
                        c.path("running").asLong(), c.path("succeeded").asLong(), c.path("failed").asLong(),
                        c.path("cancelled").asLong());
            }
            if (page.path("total").asLong() > page.path("items").size()) {
                System.out.printf("(%d of %d grids shown)%n", page.path("items").size(), page.path("total").asLong());
            }
            return 0;
        }
        JsonNode detail = api.get("/api/grids/" + grid + "?size=500");
        JsonNode g = detail.path("grid");
        System.out.printf("grid %d '%s': %d runs%n", g.path("id").asLong(), g.path("name").asText(), g.path("total").asLong());
        System.out.printf("%-7s %-10s %-8s %-24s %s%n", "RUN", "STATUS", "ATTEMPT", "WORKER/DEVICE", "CELL");
        for (JsonNode r : detail.path("runs").path("items")) {
            String where = r.path("worker").isNull() ? "" : r.path("worker").asText() + " " + r.path("device").asText();
            System.out.printf("%-7d %-10s %d/%-6d %-24s %s%s%n", r.path("id").asLong(), r.path("status").asText(),
                    r.path("attempts").asInt(), r.path("maxAttempts").asInt(), abbreviate(where, 24),
                    r.path("label").asText(), r.path("failureReason").isNull() ? ""
                            : "  (" + r.path("failureReason").asText() + ")");
        }
        return 0;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
