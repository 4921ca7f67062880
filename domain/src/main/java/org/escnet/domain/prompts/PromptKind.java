package org.escnet.domain.prompts;

/** The kinds of prompt the Pseudo Prompt Generator can derive from its k-means regions. */
public enum PromptKind {
    /** One point per region: its most probable position. */
    POINTS,
    /** One box per region: the smallest box around its positions. */
    BOXES,
    /** One mask per prompt set: the union of the regions as ±κ logits. */
    MASKS
}
