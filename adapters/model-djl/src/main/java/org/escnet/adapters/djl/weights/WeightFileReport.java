package org.escnet.adapters.djl.weights;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a weight file holds: every tensor with dtype, shape and parameter count, the detected layout and totals.
 * Rendered as text for people ({@link #toText()}) and JSON for scripts ({@link #toJson()}).
 *
 * @param path        the file
 * @param fileBytes   its size in bytes
 * @param layout      the detected naming scheme
 * @param tensors     every tensor, in file order
 * @param metadata    the header's {@code __metadata__} strings
 */
public record WeightFileReport(Path path, long fileBytes, WeightLayout layout, List<Entry> tensors,
                               Map<String, String> metadata) {

    /** One tensor of the file. */
    public record Entry(String name, TensorDType dtype, long[] shape, long parameters) {
    }

    public WeightFileReport {
        tensors = List.copyOf(tensors);
        metadata = Map.copyOf(metadata);
    }

    /** @return the sum of all tensors' element counts */
    public long totalParameters() {
        return tensors.stream().mapToLong(Entry::parameters).sum();
    }

    /** @return the total parameter count per dtype, e.g. {F32=151277313} */
    public Map<TensorDType, Long> parametersByDtype() {
        Map<TensorDType, Long> out = new java.util.EnumMap<>(TensorDType.class);
        tensors.forEach(t -> out.merge(t.dtype(), t.parameters(), Long::sum));
        return out;
    }

    /** @return an aligned table, one tensor a line, with a summary header */
    public String toText() {
        int nameWidth = tensors.stream().mapToInt(t -> t.name().length()).max().orElse(4);
        StringBuilder sb = new StringBuilder();
        sb.append("file:       ").append(path).append('\n');
        sb.append("size:       ").append(String.format(Locale.ROOT, "%,d bytes", fileBytes)).append('\n');
        sb.append("layout:     ").append(layout.id()).append('\n');
        sb.append("tensors:    ").append(tensors.size()).append('\n');
        sb.append("parameters: ").append(String.format(Locale.ROOT, "%,d", totalParameters()));
        parametersByDtype().forEach((d, n) -> sb.append(String.format(Locale.ROOT, "  (%s %,d)", d, n)));
        sb.append("\n\n");
        sb.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  %-5s  %-22s  %s%n", "name", "dtype", "shape",
                "params"));
        for (Entry t : tensors) {
            sb.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  %-5s  %-22s  %,d%n", t.name(), t.dtype(),
                    TensorShapes.format(t.shape()), t.parameters()));
        }
        return sb.toString();
    }

    /** @return a JSON object: path, fileBytes, layout, totalParameters, metadata, tensors[{name,dtype,shape,parameters}] */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("path", path.toString());
        root.addProperty("fileBytes", fileBytes);
        root.addProperty("layout", layout.id());
        root.addProperty("totalParameters", totalParameters());
        JsonObject meta = new JsonObject();
        metadata.forEach(meta::addProperty);
        root.add("metadata", meta);
        JsonArray list = new JsonArray();
        for (Entry t : tensors) {
            JsonObject o = new JsonObject();
            o.addProperty("name", t.name());
            o.addProperty("dtype", t.dtype().name());
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            o.add("shape", shape);
            o.addProperty("parameters", t.parameters());
            list.add(o);
        }
        root.add("tensors", list);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
