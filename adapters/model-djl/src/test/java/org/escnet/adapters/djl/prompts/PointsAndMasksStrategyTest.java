package org.escnet.adapters.djl.prompts;

import org.escnet.domain.prompts.PromptKind;
import org.escnet.domain.prompts.PromptStrategies;
import org.escnet.domain.prompts.PromptStrategy;

import java.util.Set;

/** The paper's default combination, named in the non-canonical order on purpose. */
class PointsAndMasksStrategyTest extends PromptStrategyContract {

    @Override
    protected PromptStrategy strategy() {
        return PromptStrategies.byName("masks+points");
    }

    @Override
    protected Set<PromptKind> expectedKinds() {
        return Set.of(PromptKind.POINTS, PromptKind.MASKS);
    }
}
