package org.escnet.adapters.djl.weights;

import java.util.Locale;

/** Element types a safetensors header may declare, with their width in bytes. */
public enum TensorDType {
    F64(8), F32(4), F16(2), BF16(2), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

    private final int bytes;

    TensorDType(int bytes) {
        this.bytes = bytes;
    }

    /** @return bytes per element */
    public int bytes() {
        return bytes;
    }

    /** Whether {@link TensorSource#read(String)} can turn this type into float values. */
    public boolean convertibleToFloat() {
        return this != BOOL;
    }

    /**
     * @param code the dtype string of a safetensors header, e.g. {@code "F32"}
     * @return the matching type
     * @throws IllegalArgumentException naming the supported codes when the code is unknown
     */
    public static TensorDType fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown dtype '" + code + "', expected one of "
                    + java.util.Arrays.toString(values()));
        }
    }
}
