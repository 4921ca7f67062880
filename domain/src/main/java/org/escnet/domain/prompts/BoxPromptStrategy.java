package org.escnet.domain.prompts;

import java.util.Set;

/** The built-in strategy {@code boxes}: one box per k-means region (the smallest box around it), label -1 for an empty region. */
public final class BoxPromptStrategy extends GeneratedPromptStrategy {

    public static final String NAME = "boxes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<PromptKind> kinds() {
        return Set.of(PromptKind.BOXES);
    }
}
