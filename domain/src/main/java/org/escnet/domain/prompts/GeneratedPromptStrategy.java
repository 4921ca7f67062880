package org.escnet.domain.prompts;


import java.util.Set;

/**
 * A strategy that reads some prompt kinds from the Pseudo Prompt Generator's k-means regions. Combinations of such
 * strategies share one generator run (see {@link CombinedPromptStrategy}).
 */
public abstract class GeneratedPromptStrategy implements PromptStrategy {

    /** The prompt kinds this strategy returns, besides the regions. */
    public abstract Set<PromptKind> kinds();

    @Override
    public PseudoPrompts generate(CorrelationMaps maps, PpgSpec ppg) {
        return PseudoPromptGenerator.generate(maps, ppg, kinds());
    }

    @Override
    public String toString() {
        return name();
    }
}
