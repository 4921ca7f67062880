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
    @Produces
    @ApplicationScoped
    RunConfigValidator benchmarkNames(BenchmarkCatalog catalog) {
        return new BenchmarkNamesValidator(catalog);
    }
}
