package org.escnet.domain.experiment;

/**
 * A check of a resolved configuration against what is installed (known presets, prompt strategies, benchmarks).
 * Throws {@link org.escnet.domain.config.ConfigException} naming the key at fault.
 */
@FunctionalInterface
public interface RunConfigValidator {
    void validate(RunConfig config);

    RunConfigValidator NONE = config -> {
    };
}
