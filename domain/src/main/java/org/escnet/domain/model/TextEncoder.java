package org.escnet.domain.model;

import ai.djl.ndarray.NDManager;
import java.util.List;

/** The text tower: class names × templates → F_l. */
public interface TextEncoder {
    /** N_c names → F_l (N_c, P, E), L2-normalised, allocated on {@code manager}. */
    TextFeatures encode(ForwardPass pass, NDManager manager, List<String> classNames);
}
