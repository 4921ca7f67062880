package org.escnet.domain.model;

/** The class-count-agnostic reading of Eq. 2 (ESC-NET-SPEC A3). */
public enum FusionForm {
    /** W0·X + W1·mean_n(K1^n): the tied-weight 1x1 conv over the class features (the spec's choice). */
    TIED_MEAN
}
