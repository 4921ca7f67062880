package org.escnet.domain.prompts;

import java.util.Set;

/** The built-in strategy {@code masks}: the union of the k-means regions as a ±κ logit mask, nearest-upsampled ×4. */
public final class MaskPromptStrategy extends GeneratedPromptStrategy {

    public static final String NAME = "masks";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<PromptKind> kinds() {
        return Set.of(PromptKind.MASKS);
    }
}
