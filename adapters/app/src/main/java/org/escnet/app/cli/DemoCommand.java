package org.escnet.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start ESC-Lab on its embedded defaults, submit the demo grid (experiments/demo.yaml: the tiny "
                + "preset on the synthetic ShapesWorld set), print the dashboard URL and the progress, and keep serving.")
public class DemoCommand extends BootCommand implements Callable<Integer> {
    @Option(names = "--grid", description = "grid file to submit (default ${DEFAULT-VALUE})",
            defaultValue = "experiments/demo.yaml")
    Path grid;
    @Option(names = "--exit-when-done", description = "exit when the grid has finished: 0 if every run succeeded, "
            + "1 otherwise")
    boolean exitWhenDone;
    @Option(names = "--port", description = "HTTP port (default 8080)")
    Integer port;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(grid)) {
            throw new CliException("grid file '" + grid + "' does not exist (run the demo from the ESC-Lab folder, or "
                    + "pass --grid)", 2);
        }
        if (port != null) {
            set("quarkus.http.port", port.toString());
        }
        set("escnet.worker.enabled", "true");
        boot(DemoApplication.class, grid.toAbsolutePath().toString(), Boolean.toString(exitWhenDone));
        return 0;
    }
}
