package org.escnet.domain.experiment;

/**
 * What a run needs from a worker.
 *
 * @param device       {@code any} (first free slot), {@code cpu} or {@code gpu}
 * @param maxAttempts  how many times a run is started before a lost lease fails it for good
 * @param priority     higher runs are claimed first
 */
public record ResourceSpec(String device, int maxAttempts, int priority) {
    public static final ResourceSpec DEFAULTS = new ResourceSpec("any", 3, 0);

    public ResourceSpec {
        TrainSpec.require("any".equals(device) || "cpu".equals(device) || "gpu".equals(device), "device",
                "expected one of [any, cpu, gpu], found '" + device + "'");
        TrainSpec.require(maxAttempts >= 1, "max-attempts", "must be at least 1, found " + maxAttempts);
    }
}
