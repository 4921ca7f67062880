package org.escnet.adapters.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * detectron2's {@code load_sem_seg} pairing: every label file directly in the label folder is matched to the image of
 * the same name (minus extension) in the image folder; only matched pairs form the dataset, sorted by name.
 *
 * @param pairs               matched (image, label) files, sorted by name
 * @param imageCount          image files found
 * @param labelCount          label files found
 * @param labelsWithoutImage  label file names with no image
 * @param imagesWithoutLabel  image file names with no label map (normal in VOC's shared {@code JPEGImages})
 */
public record FilePairing(List<Pair> pairs, int imageCount, int labelCount, List<String> labelsWithoutImage,
        List<String> imagesWithoutLabel) {

    /** One sample's files; {@code id} is the shared file stem. */
    public record Pair(String id, Path image, Path label) {
    }

    public static FilePairing scan(Path imageDir, String imageExt, Path labelDir, String labelExt) {
        Map<String, Path> images = list(imageDir, imageExt);
        Map<String, Path> labels = list(labelDir, labelExt);
        List<Pair> pairs = new ArrayList<>();
        List<String> orphanLabels = new ArrayList<>();
        for (Map.Entry<String, Path> e : labels.entrySet()) {
            Path image = images.get(e.getKey());
            if (image == null) {
                orphanLabels.add(e.getValue().getFileName().toString());
            } else {
                pairs.add(new Pair(e.getKey(), image, e.getValue()));
            }
        }
        List<String> orphanImages = new ArrayList<>();
        for (Map.Entry<String, Path> e : images.entrySet()) {
            if (!labels.containsKey(e.getKey())) {
                orphanImages.add(e.getValue().getFileName().toString());
            }
        }
        return new FilePairing(List.copyOf(pairs), images.size(), labels.size(), List.copyOf(orphanLabels),
                List.copyOf(orphanImages));
    }

    private static Map<String, Path> list(Path dir, String ext) {
        Map<String, Path> byStem = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                if (name.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
                    byStem.put(name.substring(0, name.length() - ext.length()), p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return byStem;
    }
}
