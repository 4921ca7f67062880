package org.escnet.domain.experiment;

import java.util.Map;
import org.escnet.domain.config.RecordBinder;
import org.escnet.domain.model.ModelSpec;

/**
 * The fully resolved configuration of one run: every value present, defaults filled in. Its canonical form hashes to
 * the run's {@link CellKey}.
 */
public record RunConfig(ModelSpec model, TrainSpec train, DataSpec data, EvalSpec eval, long seed, ResourceSpec resources) {
    public static final RunConfig DEFAULTS = new RunConfig(
            ModelSpec.DEFAULTS, TrainSpec.DEFAULTS, DataSpec.DEFAULTS, EvalSpec.DEFAULTS, 0L, ResourceSpec.DEFAULTS);

    public RunConfig {
        model = model == null ? ModelSpec.DEFAULTS : model;
        train = train == null ? TrainSpec.DEFAULTS : train;
        data = data == null ? DataSpec.DEFAULTS : data;
        eval = eval == null ? EvalSpec.DEFAULTS : eval;
        resources = resources == null ? ResourceSpec.DEFAULTS : resources;
    }

    /** Binds a (partial) tree of kebab-case keys over the defaults; unknown keys and bad values are errors. */
    public static RunConfig fromTree(Map<String, ?> tree) {
        return RecordBinder.bind(RunConfig.class, tree, DEFAULTS, "");
    }

    /** The resolved configuration as a sorted tree. */
    public Map<String, Object> toTree() {
        return RecordBinder.toTree(this);
    }

    /** Canonical JSON: sorted keys, no spaces. Equal configs have equal text. */
    public String canonicalJson() {
        return CanonicalJson.write(toTree());
    }

    public CellKey cellKey() {
        return CellKey.of(canonicalJson());
    }

    /** Dotted key → value for every leaf, as trackers log parameters. */
    public Map<String, String> flatten() {
        return ConfigTrees.flatten(toTree());
    }
}
