package org.escnet.adapters.datasets;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link DatasetChecker} found in a prepared benchmark folder.
 *
 * @param benchmark           the benchmark name
 * @param root                the folder checked
 * @param images              image files in the image folder
 * @param labels              label maps in the label folder
 * @param pairs               image/label pairs (the evaluation set)
 * @param histogram           label value → pixel count over all readable label maps, ascending by value
 * @param imagesWithoutLabel  images without a label map (expected in VOC's shared image folder; not a problem there)
 * @param problems            one message per problem; empty when the dataset is usable
 */
public record DatasetCheckReport(String benchmark, String root, int images, int labels, int pairs,
        SortedMap<Integer, Long> histogram, int imagesWithoutLabel, List<String> problems) {

    public DatasetCheckReport {
        histogram = new TreeMap<>(histogram);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public long labelledPixels() {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(benchmark).append(" in ").append(root).append('\n');
        out.append("  images: ").append(images).append(", label maps: ").append(labels).append(", pairs: ").append(pairs);
        if (imagesWithoutLabel > 0) {
            out.append(" (").append(imagesWithoutLabel).append(" images without a label map)");
        }
        out.append('\n');
        out.append("  label values (value: pixels):");
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            out.append(' ').append(e.getKey()).append(": ").append(e.getValue()).append(',');
        }
        if (!histogram.isEmpty()) {
            out.setLength(out.length() - 1);
        }
        out.append('\n');
        if (ok()) {
            out.append("  OK\n");
        } else {
            out.append("  ").append(problems.size()).append(" problem(s):\n");
            problems.forEach(p -> out.append("  - ").append(p).append('\n'));
        }
        return out.toString();
    }

    /** {@code {"benchmark":…,"root":…,"ok":…,"images":…,"labels":…,"pairs":…,"imagesWithoutLabel":…,
     * "histogram":{"0":…},"problems":[…]}}. */
    public String toJson() {
        StringBuilder out = new StringBuilder("{");
        out.append("\"benchmark\":").append(quote(benchmark));
        out.append(",\"root\":").append(quote(root));
        out.append(",\"ok\":").append(ok());
        out.append(",\"images\":").append(images);
        out.append(",\"labels\":").append(labels);
        out.append(",\"pairs\":").append(pairs);
        out.append(",\"imagesWithoutLabel\":").append(imagesWithoutLabel);
        out.append(",\"histogram\":{");
        boolean first = true;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            out.append(first ? "" : ",").append('"').append(e.getKey()).append("\":").append(e.getValue());
            first = false;
        }
        out.append("},\"problems\":[");
        for (int i = 0; i < problems.size(); i++) {
            out.append(i == 0 ? "" : ",").append(quote(problems.get(i)));
        }
        return out.append("]}").toString();
    }

    private static String quote(String s) {
        return org.escnet.domain.experiment.CanonicalJson.quote(s);
    }
}
