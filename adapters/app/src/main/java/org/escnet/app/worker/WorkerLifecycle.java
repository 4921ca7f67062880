package org.escnet.app.worker;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.escnet.application.ports.out.GpuProbe;
import org.escnet.application.ports.out.RunExecution;
import org.escnet.application.ports.out.RunQueue;
import org.escnet.application.ports.out.RunTracker;
import org.escnet.application.services.worker.DeviceSlots;
import org.escnet.application.services.worker.Worker;
import org.escnet.application.services.worker.WorkerSettings;

/** Starts this process's worker when {@code escnet.worker.enabled} (serve, worker, demo) and stops it cleanly. */
@ApplicationScoped
public class WorkerLifecycle {
    @ConfigProperty(name = "escnet.worker.enabled")
    boolean enabled;
    @ConfigProperty(name = "escnet.worker.devices")
    String devices;
    @ConfigProperty(name = "escnet.worker.id")
    Optional<String> workerId;
    @ConfigProperty(name = "escnet.worker.lease")
    Duration lease;
    @ConfigProperty(name = "escnet.worker.heartbeat")
    Duration heartbeat;
    @ConfigProperty(name = "escnet.worker.poll")
    Duration poll;
    @ConfigProperty(name = "escnet.data-dir")
    Path dataDir;

    @Inject
    RunQueue queue;
    @Inject
    RunTracker tracker;
    @Inject
    Instance<RunExecution> engine;
    @Inject
    Instance<GpuProbe> gpus;
    @Inject
    Clock clock;

    private Worker worker;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        var slots = DeviceSlots.parse(devices, () -> gpus.isResolvable() ? gpus.get().gpuCount() : 0);
        WorkerSettings settings = new WorkerSettings(workerId.orElseGet(WorkerLifecycle::defaultId), slots, lease,
                heartbeat, poll, dataDir.resolve("runs").toAbsolutePath());
        worker = new Worker(settings, queue, tracker, engine.isResolvable() ? Optional.of(engine.get()) : Optional.empty(),
                clock);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop(30_000);
        }
    }

    /** The running worker, if this process has one. */
    public Optional<Worker> worker() {
        return Optional.ofNullable(worker);
    }

    private static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
