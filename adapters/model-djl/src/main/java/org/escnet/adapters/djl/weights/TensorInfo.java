package org.escnet.adapters.djl.weights;

/**
 * One tensor entry of a safetensors header.
 *
 * @param name       the tensor name
 * @param dtype      the stored element type
 * @param shape      the shape; {@code []} for a scalar
 * @param dataOffset the start of its bytes, relative to the start of the data section
 * @param byteLength the number of bytes
 */
public record TensorInfo(String name, TensorDType dtype, long[] shape, long dataOffset, long byteLength) {

    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of elements */
    public long elementCount() {
        return TensorShapes.elementCount(shape);
    }
}
