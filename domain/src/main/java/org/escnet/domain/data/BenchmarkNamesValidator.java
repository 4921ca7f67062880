package org.escnet.domain.data;

import java.util.List;
import org.escnet.domain.experiment.RunConfig;
import org.escnet.domain.experiment.RunConfigValidator;
import org.escnet.domain.config.ConfigException;

/**
 * Checks {@code train.dataset} and {@code eval.benchmarks} against a catalog's names before a grid is stored, so a
 * typo fails at submit time rather than hours into a run.
 */
public final class BenchmarkNamesValidator implements RunConfigValidator {
    private final List<String> trainingSets;
    private final List<String> evaluationSets;

    public BenchmarkNamesValidator(DatasetCatalog catalog) {
        this(catalog.trainingSets(), catalog.evaluationSets());
    }

    public BenchmarkNamesValidator(List<String> trainingSets, List<String> evaluationSets) {
        this.trainingSets = List.copyOf(trainingSets);
        this.evaluationSets = List.copyOf(evaluationSets);
    }

    @Override
    public void validate(RunConfig config) {
        String dataset = config.train().dataset();
        if (!trainingSets.contains(dataset)) {
            throw new ConfigException("train.dataset", BenchmarkId.unknownMessage("training set", dataset, trainingSets));
        }
        List<String> benchmarks = config.eval().benchmarks();
        for (int i = 0; i < benchmarks.size(); i++) {
            String b = benchmarks.get(i);
            if (!evaluationSets.contains(b)) {
                throw new ConfigException("eval.benchmarks", "entry " + (i + 1) + ": "
                        + BenchmarkId.unknownMessage("evaluation benchmark", b, evaluationSets));
            }
        }
    }
}
