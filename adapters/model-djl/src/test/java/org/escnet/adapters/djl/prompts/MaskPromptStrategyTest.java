package org.escnet.adapters.djl.prompts;

import org.escnet.domain.prompts.PromptKind;
import org.escnet.domain.prompts.PromptStrategies;
import org.escnet.domain.prompts.PromptStrategy;

import java.util.Set;

class MaskPromptStrategyTest extends PromptStrategyContract {

    @Override
    protected PromptStrategy strategy() {
        return PromptStrategies.byName("masks");
    }

    @Override
    protected Set<PromptKind> expectedKinds() {
        return Set.of(PromptKind.MASKS);
    }
}
