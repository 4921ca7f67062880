package org.escnet.domain.prompts;


/**
 * Turns correlation maps into pseudo prompts (the paper's Pseudo Prompt Generator is one family of strategies).
 * Implementations are found by name through {@link PromptStrategies}; a third-party jar registers one with a line in
 * {@code META-INF/services/org.escnet.domain.prompts.PromptStrategy} and needs a public no-argument constructor.
 * Implementations are stateless and thread-safe.
 */
public interface PromptStrategy {

    /** The registry name: lower case letters, digits and '-', never '+' (that joins names into combinations). */
    String name();

    /**
     * Pseudo prompts for every (image, class) map, computed without gradient and deterministically.
     * Shapes: (B, N_c, g, g) maps → PseudoPrompts with M = B·N_c rows (see {@link PseudoPrompts}); the arrays
     * belong to the manager of {@code maps.maps()}.
     */
    PseudoPrompts generate(CorrelationMaps maps, PpgSpec ppg);
}
