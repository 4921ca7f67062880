package org.escnet.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rerun-failed", mixinStandardHelpOptions = true,
        description = "Re-queue the FAILED and CANCELLED runs of a grid (and only those).")
public class RerunFailedCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;
    @Parameters(paramLabel = "GRID", description = "grid id")
    long grid;

    @Override
    public Integer call() {
        JsonNode r = options.client().post("/api/grids/" + grid + "/rerun-failed", "", "application/json");
        System.out.printf("grid %d: %d run(s) re-queued %s%n", grid, r.path("requeued").asInt(), r.path("runIds"));
        return 0;
    }
}
