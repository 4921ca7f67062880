package org.escnet.adapters.djl.weights;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file opened for reading: an 8-byte little-endian header length, a JSON header naming every tensor
 * (dtype, shape, byte range), then the raw little-endian data. The header is parsed and fully validated on open;
 * tensor data is memory-mapped one tensor at a time when read, so files larger than 2 GB work as long as each
 * tensor is below 2 GB. F16 and BF16 are widened to float in Java (BF16 must never reach the engine).
 *
 * <p>Not thread-safe for concurrent {@link #close()}; reading from several threads is fine.
 */
public final class SafetensorsFile implements TensorSource, AutoCloseable {

    /** Headers above this size are treated as corruption rather than allocated. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart, Map<String, TensorInfo> tensors,
                            Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /**
     * Opens and validates a safetensors file.
     *
     * @throws WeightFileException naming the file (and the tensor, when one is at fault) if the file is unreadable,
     *                             truncated or malformed
     */
    public static SafetensorsFile open(Path path) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new WeightFileException("cannot open weight file " + path + ": " + e.getMessage(), e);
        }
        try {
            long fileSize = channel.size();
            if (fileSize < 8) {
                throw new WeightFileException("weight file " + path + " is truncated: expected at least 8 bytes "
                        + "(the safetensors header length), found " + fileSize);
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) {
                throw new WeightFileException("weight file " + path + " is not a safetensors file: header length "
                        + headerLength + " is outside 1.." + MAX_HEADER_BYTES);
            }
            if (8 + headerLength > fileSize) {
                throw new WeightFileException("weight file " + path + " is truncated: the header declares "
                        + headerLength + " bytes but only " + (fileSize - 8) + " follow the length field");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate(Math.toIntExact(headerLength));
            readFully(channel, headerBytes, 8);
            String json = new String(headerBytes.array(), StandardCharsets.UTF_8);
            long dataStart = 8 + headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, TensorInfo> tensors = parseHeader(path, json, fileSize - dataStart, metadata);
            return new SafetensorsFile(path, channel, dataStart, tensors, Collections.unmodifiableMap(metadata));
        } catch (RuntimeException | IOException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof WeightFileException w) {
                throw w;
            }
            throw new WeightFileException("cannot read weight file " + path + ": " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long pos = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + pos);
            }
            pos += n;
        }
    }

    private static Map<String, TensorInfo> parseHeader(Path path, String json, long dataSize,
                                                       Map<String, String> metadata) {
        JsonObject header;
        try {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonObject()) {
                throw new WeightFileException("weight file " + path + " has a malformed header: expected a JSON "
                        + "object, found " + root.getClass().getSimpleName());
            }
            header = root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new WeightFileException("weight file " + path + " has a malformed JSON header: " + e.getMessage(), e);
        }
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : header.entrySet()) {
            String name = entry.getKey();
            if (name.equals("__metadata__")) {
                if (entry.getValue().isJsonObject()) {
                    entry.getValue().getAsJsonObject().entrySet()
                            .forEach(m -> metadata.put(m.getKey(), m.getValue().isJsonPrimitive()
                                    ? m.getValue().getAsString() : m.getValue().toString()));
                }
                continue;
            }
            tensors.put(name, parseEntry(path, name, entry.getValue(), dataSize));
        }
        return tensors;
    }

    private static TensorInfo parseEntry(Path path, String name, JsonElement element, long dataSize) {
        String where = "tensor '" + name + "' in weight file " + path;
        try {
            JsonObject o = element.getAsJsonObject();
            if (!o.has("dtype") || !o.has("shape") || !o.has("data_offsets")) {
                throw new WeightFileException(where + " is malformed: expected the keys dtype, shape and "
                        + "data_offsets, found " + o.keySet());
            }
            TensorDType dtype;
            try {
                dtype = TensorDType.fromCode(o.get("dtype").getAsString());
            } catch (IllegalArgumentException e) {
                throw new WeightFileException(where + ": " + e.getMessage());
            }
            JsonArray shapeJson = o.getAsJsonArray("shape");
            long[] shape = new long[shapeJson.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeJson.get(i).getAsLong();
                if (shape[i] < 0) {
                    throw new WeightFileException(where + " has a negative dimension in shape " + shapeJson);
                }
            }
            JsonArray offsets = o.getAsJsonArray("data_offsets");
            if (offsets.size() != 2) {
                throw new WeightFileException(where + ": expected data_offsets [begin, end], found " + offsets);
            }
            long begin = offsets.get(0).getAsLong();
            long end = offsets.get(1).getAsLong();
            long expectedBytes = TensorShapes.elementCount(shape) * dtype.bytes();
            if (begin < 0 || end < begin || end - begin != expectedBytes) {
                throw new WeightFileException(where + ": expected " + expectedBytes + " bytes for " + dtype + " "
                        + TensorShapes.format(shape) + ", found data_offsets [" + begin + ", " + end + "]");
            }
            if (end > dataSize) {
                throw new WeightFileException("weight file " + path + " is truncated: tensor '" + name
                        + "' needs data bytes up to " + end + " but the data section holds only " + dataSize);
            }
            return new TensorInfo(name, dtype, shape, begin, end - begin);
        } catch (IllegalStateException | ClassCastException | NumberFormatException | UnsupportedOperationException e) {
            throw new WeightFileException(where + " is malformed: " + e.getMessage(), e);
        }
    }

    /** @return the file this was opened from */
    public Path path() {
        return path;
    }

    /** @return every tensor entry of the header, in header order */
    public List<TensorInfo> tensors() {
        return List.copyOf(tensors.values());
    }

    /** @return the header's {@code __metadata__} strings (empty if absent) */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** @return the header entry of the named tensor */
    public TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new IllegalArgumentException("no tensor '" + name + "' in weight file " + path);
        }
        return info;
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(tensors.keySet());
    }

    @Override
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    @Override
    public long[] shape(String name) {
        return info(name).shape();
    }

    @Override
    public String description() {
        return "weight file " + path;
    }

    /** Reads a tensor as floats; F16/BF16 widened exactly, F64 rounded, integers converted. */
    @Override
    public FloatTensor read(String name) {
        TensorInfo info = info(name);
        if (!info.dtype().convertibleToFloat()) {
            throw new WeightFileException("tensor '" + name + "' in weight file " + path + " has dtype "
                    + info.dtype() + ", expected a numeric type (F32, F16, BF16, F64, I64, I32, I16, I8, U8)");
        }
        ByteBuffer bytes = map(info);
        int n = Math.toIntExact(info.elementCount());
        float[] out = new float[n];
        switch (info.dtype()) {
            case F32 -> bytes.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfPrecision.f16ToFloat(bytes.getShort(2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfPrecision.bf16ToFloat(bytes.getShort(2 * i));
                }
            }
            case F64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) bytes.getDouble(8 * i);
                }
            }
            case I64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = bytes.getLong(8 * i);
                }
            }
            case I32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = bytes.getInt(4 * i);
                }
            }
            case I16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = bytes.getShort(2 * i);
                }
            }
            case I8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = bytes.get(i);
                }
            }
            case U8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = bytes.get(i) & 0xFF;
                }
            }
            default -> throw new IllegalStateException("unhandled dtype " + info.dtype());
        }
        return new FloatTensor(info.shape(), out);
    }

    /** Reads an integer tensor (I64, I32, I16, I8, U8) exactly, e.g. stored position ids. */
    public long[] readLongs(String name) {
        TensorInfo info = info(name);
        ByteBuffer bytes = map(info);
        int n = Math.toIntExact(info.elementCount());
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (info.dtype()) {
                case I64 -> bytes.getLong(8 * i);
                case I32 -> bytes.getInt(4 * i);
                case I16 -> bytes.getShort(2 * i);
                case I8 -> bytes.get(i);
                case U8, BOOL -> bytes.get(i) & 0xFF;
                default -> throw new WeightFileException("tensor '" + name + "' in weight file " + path
                        + " has dtype " + info.dtype() + ", expected an integer type (I64, I32, I16, I8, U8)");
            };
        }
        return out;
    }

    private ByteBuffer map(TensorInfo info) {
        if (info.byteLength() > Integer.MAX_VALUE) {
            throw new WeightFileException("tensor '" + info.name() + "' in weight file " + path + " has "
                    + info.byteLength() + " bytes; tensors above 2 GB are not supported");
        }
        if (info.byteLength() == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        try {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + info.dataOffset(),
                    info.byteLength());
            return mapped.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new WeightFileException("cannot read tensor '" + info.name() + "' from weight file " + path + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new WeightFileException("cannot close weight file " + path + ": " + e.getMessage(), e);
        }
    }
}
