package org.escnet.adapters.djl.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.escnet.adapters.djl.ops.OwnedArrays;

/**
 * CLIP's input normalisation on 0..255 RGB (ESC-NET-SPEC §2.1): subtract (122.7709, 116.7460, 104.0937), divide by
 * (68.5005, 66.6322, 70.3232); these are OpenAI's 0..1 mean/std times 255.
 */
public final class ClipImageNormalizer {

    public static final float[] MEAN = {122.7709f, 116.7460f, 104.0937f};
    public static final float[] STD = {68.5005f, 66.6322f, 70.3232f};

    private ClipImageNormalizer() {
    }

    /**
     * @param rgb (B, 3, H, W) or (3, H, W), values 0..255
     * @return the same shape, normalised
     */
    public static NDArray normalize(NDArray rgb) {
        Shape s = rgb.getShape();
        int channelAxis = s.dimension() - 3;
        if (channelAxis < 0 || s.get(channelAxis) != 3) {
            throw new IllegalArgumentException("expected RGB as (B, 3, H, W) or (3, H, W), found " + s);
        }
        long[] statShape = new long[s.dimension()];
        java.util.Arrays.fill(statShape, 1);
        statShape[channelAxis] = 3;
        NDArray mean = OwnedArrays.of(rgb.getManager(), MEAN, new Shape(statShape));
        NDArray std = OwnedArrays.of(rgb.getManager(), STD, new Shape(statShape));
        return rgb.sub(mean).div(std);
    }
}
