package org.escnet.domain.experiment;

/** How an image is evaluated (DATASETS §3.1). */
public enum EvalMode {
    /** 640x640, four 384 windows with stride 256 plus a global view: the paper's protocol. */
    SLIDING,
    /** The whole image resized to the model's input size, once. */
    WHOLE
}
