package org.escnet.adapters.djl.prompts;

import org.escnet.domain.prompts.PromptKind;
import org.escnet.domain.prompts.PromptStrategies;
import org.escnet.domain.prompts.PromptStrategy;

import java.util.Set;

class BoxPromptStrategyTest extends PromptStrategyContract {

    @Override
    protected PromptStrategy strategy() {
        return PromptStrategies.byName("boxes");
    }

    @Override
    protected Set<PromptKind> expectedKinds() {
        return Set.of(PromptKind.BOXES);
    }
}
