package org.escnet.domain.prompts;

import java.util.Set;

/** The built-in strategy {@code points}: one point per k-means region (its most probable position), label -1 for an empty region. */
public final class PointPromptStrategy extends GeneratedPromptStrategy {

    public static final String NAME = "points";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<PromptKind> kinds() {
        return Set.of(PromptKind.POINTS);
    }
}
