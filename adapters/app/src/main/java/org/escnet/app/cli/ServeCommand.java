package org.escnet.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start ESC-Lab: REST API, dashboard and a worker. With no database configured it starts an "
                + "embedded PostgreSQL under escnet.data-dir (default ./data).")
public class ServeCommand extends BootCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default 8080)")
    Integer port;
    @Option(names = "--host", description = "address to listen on (default 127.0.0.1; another address needs "
            + "ESCNET_API_TOKEN)")
    String host;
    @Option(names = "--no-worker", description = "serve the API and dashboard only; run no work here")
    boolean noWorker;

    @Override
    public Integer call() {
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw new CliException("--port must be between 1 and 65535, found " + port, 2);
            }
            set("quarkus.http.port", port.toString());
        }
        if (host != null) {
            set("quarkus.http.host", host);
        }
        if (noWorker) {
            set("escnet.worker.enabled", "false");
        }
        boot(UntilStopped.class);
        return 0;
    }
}
