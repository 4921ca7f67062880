package org.escnet.adapters.djl.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

    @TempDir
    Path dir;

    /** Writes the safetensors byte layout by hand: u64 LE header length, JSON header, data. */
    private Path write(String name, String header, byte[] data) throws Exception {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(data);
        Path p = dir.resolve(name);
        Files.write(p, out.toByteArray());
        return p;
    }

    private static byte[] le(int bytesPerValue, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * bytesPerValue).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (bytesPerValue) {
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void readsF32F16Bf16AndIntegers() throws Exception {
        byte[] f32 = le(4, Float.floatToIntBits(1.5f), Float.floatToIntBits(-2.25f));
        // F16 by IEEE 754 bit patterns: 1.0 = 3C00, -2.0 = C000, 65504 = 7BFF, 2^-24 = 0001 (subnormal), 1/3 ≈ 3555
        byte[] f16 = le(2, 0x3C00, 0xC000, 0x7BFF, 0x0001, 0x3555);
        // BF16 is the top half of the float32 pattern: 1.0 = 3F80, -3.0 = C040, 3.140625 = 4049
        byte[] bf16 = le(2, 0x3F80, 0xC040, 0x4049);
        byte[] i64 = le(8, 0, 1, 76);
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[5],\"data_offsets\":[8,18]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1,3],\"data_offsets\":[18,24]},"
                + "\"ids\":{\"dtype\":\"I64\",\"shape\":[3],\"data_offsets\":[24,48]}}";
        Path p = write("ok.safetensors", header, concat(f32, f16, bf16, i64));
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            assertThat(f.names()).containsExactly("a", "h", "b", "ids");
            assertThat(f.metadata()).containsEntry("format", "pt");
            assertThat(f.read("a").values()).containsExactly(1.5f, -2.25f);
            assertThat(f.read("h").values()).containsExactly(1.0f, -2.0f, 65504f, 0x1.0p-24f, 0.333251953125f);
            assertThat(f.read("b").values()).containsExactly(1.0f, -3.0f, 3.140625f);
            assertThat(f.read("b").shape()).containsExactly(1, 3);
            assertThat(f.readLongs("ids")).containsExactly(0, 1, 76);
            assertThat(f.info("h").dtype()).isEqualTo(TensorDType.F16);
        }
    }

    @Test
    void truncatedDataNamesFileTensorAndSizes() throws Exception {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";
        Path p = write("short.safetensors", header, new byte[10]);
        assertThatThrownBy(() -> SafetensorsFile.open(p))
                .isInstanceOf(WeightFileException.class)
                .hasMessageContaining("short.safetensors")
                .hasMessageContaining("truncated")
                .hasMessageContaining("'w'")
                .hasMessageContaining("16")
                .hasMessageContaining("10");
    }

    @Test
    void byteRangeThatDisagreesWithShapeIsRejected() throws Exception {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}";
        Path p = write("bad.safetensors", header, new byte[24]);
        assertThatThrownBy(() -> SafetensorsFile.open(p))
                .hasMessageContaining("tensor 'w'")
                .hasMessageContaining("expected 24 bytes for F32 [2, 3]")
                .hasMessageContaining("[0, 20]");
    }

    @Test
    void malformedHeaderAndTooShortFileAreRejected() throws Exception {
        Path garbage = write("garbage.safetensors", "{not json", new byte[0]);
        assertThatThrownBy(() -> SafetensorsFile.open(garbage)).hasMessageContaining("garbage.safetensors")
                .hasMessageContaining("malformed");
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafetensorsFile.open(tiny)).hasMessageContaining("expected at least 8 bytes");
        Path longHeader = dir.resolve("long.safetensors");
        Files.write(longHeader, concat(le(8, 500), "{}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SafetensorsFile.open(longHeader)).hasMessageContaining("declares 500 bytes");
        Path unknownType = write("u.safetensors", "{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}",
                new byte[1]);
        assertThatThrownBy(() -> SafetensorsFile.open(unknownType)).hasMessageContaining("unknown dtype 'F8_E4M3'");
    }

    @Test
    void halfPrecisionConversionCoversSpecialValues() {
        assertThat(HalfPrecision.f16ToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfPrecision.f16ToFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Float.isNaN(HalfPrecision.f16ToFloat((short) 0x7E00))).isTrue();
        assertThat(HalfPrecision.f16ToFloat((short) 0x8000)).isEqualTo(-0.0f);
        // largest subnormal: 1023 · 2^-24
        assertThat(HalfPrecision.f16ToFloat((short) 0x03FF)).isEqualTo(1023 * 0x1.0p-24f);
        assertThat(HalfPrecision.bf16ToFloat((short) 0xFF80)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Arrays.asList(TensorDType.values())).contains(TensorDType.BF16);
    }
}
