package org.escnet.domain.prompts;

import org.escnet.domain.config.ConfigException;

/**
 * Pseudo Prompt Generator settings (ESC-NET-SPEC §2.7, ambiguities A9–A11). Each is a recommendation of the spec, not
 * a value from the paper, so each is a field a grid can ablate.
 *
 * @param temperature       τ of the spatial softmax over the 24x24 positions (0.01 = CLIP's logit scale)
 * @param alpha             foreground threshold p ≥ α/HW (1 = above the uniform probability)
 * @param kmeansIterations  Lloyd iterations of the deterministic k-means
 * @param objectsPerClass   N_o, the number of k-means clusters (points) per class
 * @param maskLogit         κ, the magnitude of the ±κ logit mask prompt
 */
public record PpgSpec(double temperature, double alpha, int kmeansIterations, int objectsPerClass, double maskLogit) {
    public static final PpgSpec DEFAULTS = new PpgSpec(0.01, 1.0, 10, 5, 10.0);

    public PpgSpec {
        if (!(temperature > 0)) {
            throw new ConfigException("temperature", "must be positive, found " + temperature);
        }
        if (!(alpha > 0)) {
            throw new ConfigException("alpha", "must be positive, found " + alpha);
        }
        if (kmeansIterations < 0) {
            throw new ConfigException("kmeans-iterations", "must be 0 or more, found " + kmeansIterations);
        }
        if (objectsPerClass < 1) {
            throw new ConfigException("objects-per-class", "must be at least 1, found " + objectsPerClass);
        }
        if (!(maskLogit > 0)) {
            throw new ConfigException("mask-logit", "must be positive, found " + maskLogit);
        }
    }
}
