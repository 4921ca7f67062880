package org.escnet.adapters.djl.weights;

/**
 * Widening of 16-bit floats in Java. BF16 must never reach the engine: any BF16 array aborts the JVM under
 * DJL 0.36 with PyTorch 2.7.1 (DJL-NOTES §1), so safetensors BF16 and F16 tensors are converted here.
 */
public final class HalfPrecision {

    private HalfPrecision() {
    }

    /** bfloat16 is the upper half of a float32, so widening is a shift. */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** IEEE 754 binary16 to binary32, exact for every value including subnormals, infinities and NaN. */
    public static float f16ToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            // subnormal half: value = mantissa * 2^-24, exactly representable as a float
            float magnitude = mantissa * 0x1.0p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
