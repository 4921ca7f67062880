package org.escnet.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Run a worker only: it claims runs from the shared database and executes them. On this machine "
                + "it joins the embedded database of a running 'escnet serve' (same escnet.data-dir); on other machines "
                + "set QUARKUS_DATASOURCE_JDBC_URL to the shared PostgreSQL.")
public class WorkerCommand extends BootCommand implements Callable<Integer> {
    @Option(names = "--devices", description = "device slots: auto, cpu, cpu:N or gpu:0,1 (default auto)")
    String devices;
    @Option(names = "--id", description = "worker id recorded on its runs (default host-pid)")
    String id;

    @Override
    public Integer call() {
        set("escnet.worker.enabled", "true");
        set("quarkus.http.host-enabled", "false");
        if (devices != null) {
            set("escnet.worker.devices", devices);
        }
        if (id != null) {
            set("escnet.worker.id", id);
        }
        boot(UntilStopped.class);
        return 0;
    }
}
