package org.escnet.adapters.djl.inference;

import java.util.ArrayList;
import java.util.List;
import org.escnet.application.ports.in.SegmentImage.ClassArea;
import org.escnet.application.ports.in.SegmentImage.Segmentation;

/**
 * Segments one image with one model: checks the limits, decodes, classifies every pixel, tints the overlay and counts
 * each class's pixels. Shared by the API and the command line.
 *
 * <p>Requests run one at a time: a forward already uses every CPU core, and serialising keeps a cached network from
 * being closed while another request still uses it.
 */
public final class ImageSegmentation implements AutoCloseable {
    private final SegmentationSettings settings;
    private final LoadedNetworks networks;

    public ImageSegmentation(SegmentationSettings settings) {
        this.settings = settings;
        this.networks = new LoadedNetworks(settings.cachedNetworks());
    }

    /**
     * @param classNames the vocabulary, in the order the areas are reported
     * @throws IllegalArgumentException for an undecodable or too large image, no or too many classes, or a model
     *                                  that cannot be loaded
     */
    public synchronized Segmentation segment(ModelSource source, byte[] encodedImage, List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("at least one class name is required, e.g. \"sky, road, car\"");
        }
        if (classNames.size() > settings.maxClasses()) {
            throw new IllegalArgumentException(classNames.size() + " class names were given; at most "
                    + settings.maxClasses() + " are accepted (escnet.segment.max-classes)");
        }
        RgbImage image = RgbImage.decode(encodedImage, settings.maxPixels());
        LoadedNetworks.Loaded loaded = networks.get(source);
        int[] labels = PixelClassifier.classify(loaded.network(), loaded.manager(), image, classNames,
                settings.chunking());
        byte[] overlay = OverlayImage.blend(image, labels, classNames.size()).toPng();
        return new Segmentation(overlay, image.width(), image.height(), areas(labels, classNames, image.pixelCount()));
    }

    private static List<ClassArea> areas(int[] labels, List<String> classNames, int pixels) {
        long[] counts = new long[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        List<ClassArea> areas = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            areas.add(new ClassArea(classNames.get(k), ClassPalette.hex(k), counts[k], (double) counts[k] / pixels));
        }
        return areas;
    }

    /** Networks currently loaded (at most {@link SegmentationSettings#cachedNetworks()}). */
    int loadedNetworks() {
        return networks.size();
    }

    @Override
    public synchronized void close() {
        networks.close();
    }
}
