package org.escnet.app.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.escnet.adapters.datasets.BenchmarkCatalog;
import org.escnet.domain.data.BenchmarkNamesValidator;
import org.escnet.domain.experiment.RunConfigValidator;

/**
 * The checks a grid passes before anything is stored: every installed component vouches for the names it knows
 * (benchmarks and training sets here; presets and prompt strategies by the model).
 */
@ApplicationScoped
public class Validators {
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "escnet.plugins-dir")
    java.nio.file.Path pluginsDir;

    @Produces
    @ApplicationScoped
    RunConfigValidator benchmarkNames(BenchmarkCatalog catalog) {
        return new BenchmarkNamesValidator(catalog);
    }

    /** The class loader that sees the plug-in jars: built-in strategies plus whatever the plug-in folder adds. */
    @Produces
    @ApplicationScoped
    @jakarta.inject.Named("plugins")
    ClassLoader plugins() {
        return Plugins.loaderFor(pluginsDir, Thread.currentThread().getContextClassLoader());
    }

    @Produces
    @ApplicationScoped
    RunConfigValidator presets() {
        return config -> {
            try {
                org.escnet.adapters.djl.escnet.NetworkPreset.byName(config.model().preset());
            } catch (IllegalArgumentException e) {
                throw new org.escnet.domain.config.ConfigException("model.preset", e.getMessage());
            }
        };
    }

    @Produces
    @ApplicationScoped
    RunConfigValidator promptStrategies(@jakarta.inject.Named("plugins") ClassLoader plugins) {
        return config -> org.escnet.domain.prompts.PromptStrategies.validate(config.model().prompts(), plugins);
    }
}
