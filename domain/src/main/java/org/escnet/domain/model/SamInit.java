package org.escnet.domain.model;

/** How the SAM prompt encoder and two-way blocks start (the paper's Table 2). */
public enum SamInit {
    /** Copies of the decoder layers of a SAM checkpoint (the paper's default). */
    PRETRAINED,
    /** The same architecture, randomly initialised ("random init" in Table 2). */
    RANDOM,
    /** No SAM block and no pseudo prompts: the "W/O SAM" row of Table 2. */
    NONE
}
