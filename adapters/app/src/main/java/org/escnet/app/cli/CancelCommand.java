package org.escnet.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a run: a queued run at once, a running one at its next check (it keeps its checkpoint).")
public class CancelCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;
    @Parameters(paramLabel = "RUN", description = "run id")
    long run;

    @Override
    public Integer call() {
        JsonNode r = options.client().post("/api/runs/" + run + "/cancel", "", "application/json");
        System.out.println(r.path("immediate").asBoolean() ? "run " + run + " cancelled"
                : "run " + run + " is " + r.path("status").asText()
                + ("RUNNING".equals(r.path("status").asText()) ? "; asked to stop at its next check" : "; nothing to cancel"));
        return 0;
    }
}
