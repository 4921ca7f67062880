package org.escnet.adapters.djl.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.escnet.adapters.djl.ops.OwnedArrays;
import org.escnet.adapters.djl.ops.SeparableResize;
import org.escnet.domain.data.SegmentationSample;

/** Sample pixels as the network's input: RGB 0..255 floats, channels first, resized to the model's input side. */
public final class ImageTensors {
    private ImageTensors() {
    }

    /** One sample → (3, side, side), bilinear (align_corners = false) when its size differs. */
    public static NDArray of(NDManager manager, SegmentationSample s, int side) {
        return of(manager, s.rgb(), s.height(), s.width(), side);
    }

    /** Interleaved RGB bytes of a height × width image → (3, side, side), bilinear when the size differs. */
    public static NDArray of(NDManager manager, byte[] rgb, int height, int width, int side) {
        int hw = height * width;
        float[] chw = new float[3 * hw];
        for (int i = 0; i < hw; i++) {
            chw[i] = rgb[3 * i] & 0xFF;
            chw[hw + i] = rgb[3 * i + 1] & 0xFF;
            chw[2 * hw + i] = rgb[3 * i + 2] & 0xFF;
        }
        NDArray x = OwnedArrays.of(manager, chw, new Shape(3, height, width));
        return SeparableResize.resize(x, side, side, SeparableResize.Mode.BILINEAR);
    }

    /** Samples → (B, 3, side, side). */
    public static NDArray batch(NDManager manager, List<SegmentationSample> samples, int side) {
        NDList list = new NDList();
        for (SegmentationSample s : samples) {
            list.add(of(manager, s, side));
        }
        return NDArrays.stack(list);
    }
}
