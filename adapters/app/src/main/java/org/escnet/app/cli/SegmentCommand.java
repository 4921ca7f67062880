package org.escnet.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.escnet.adapters.djl.inference.ImageSegmentation;
import org.escnet.adapters.djl.inference.ModelSource;
import org.escnet.adapters.djl.inference.SegmentationSettings;
import org.escnet.adapters.djl.escnet.ClassChunking;
import org.escnet.application.ports.in.SegmentImage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Segments one image in this process: no server, no database. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segment an image into the given class names with a training checkpoint or a preset (random "
                + "weights), write the overlay PNG and print each class's area.")
public class SegmentCommand implements Callable<Integer> {

    /** Exactly one model. */
    static class Model {
        @Option(names = "--checkpoint", required = true, paramLabel = "DIR",
                description = "a checkpoint folder, or a run's work folder (data/runs/<id>) holding checkpoint/")
        Path checkpoint;
        @Option(names = "--preset", required = true, paramLabel = "P",
                description = "a preset with random weights: escnet-vit-b16, escnet-vit-l14-336, escnet-tiny, "
                        + "catseg-vit-b16, catseg-vit-l14-336, catseg-tiny")
        String preset;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Model model;
    @Option(names = "--image", required = true, paramLabel = "IMG", description = "PNG or JPEG file")
    Path image;
    @Option(names = "--classes", required = true, description = "class names separated by commas, e.g. \"cat,dog,sofa\"")
    String classes;
    @Option(names = "--out", defaultValue = "overlay.png", paramLabel = "PNG",
            description = "where to write the overlay (default ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--max-pixels", defaultValue = "16777216", description = "largest image accepted, width × height "
            + "(default ${DEFAULT-VALUE})")
    long maxPixels;
    @Option(names = "--max-classes", defaultValue = "1000", description = "largest vocabulary accepted "
            + "(default ${DEFAULT-VALUE})")
    int maxClasses;
    @Option(names = "--class-chunk", defaultValue = "16", description = "classes the per-class stages process at a "
            + "time, 0 = all (default ${DEFAULT-VALUE})")
    int classChunk;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(image)) {
            throw new CliException("image " + image + " does not exist", 2);
        }
        List<String> names = Arrays.stream(classes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct()
                .toList();
        SegmentImage.Segmentation result;
        try (ImageSegmentation segmentation = new ImageSegmentation(new SegmentationSettings(Path.of("."), maxPixels,
                maxClasses, 1, new ClassChunking(classChunk)))) {
            ModelSource source = model.preset != null ? ModelSource.preset(model.preset)
                    : ModelSource.checkpoint(model.checkpoint, null);
            result = segmentation.segment(source, Files.readAllBytes(image), names);
            Files.write(out, result.overlayPng());
            System.out.println("segmented " + image + " (" + result.width() + "x" + result.height() + ") with "
                    + source.label());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2);
        } catch (IOException e) {
            throw new CliException("could not read " + image + " or write " + out + ": " + e.getMessage(), 1);
        }
        System.out.print(table(result));
        System.out.println("overlay written to " + out);
        return 0;
    }

    static String table(SegmentImage.Segmentation result) {
        int width = Math.max(5, result.areas().stream().mapToInt(a -> a.className().length()).max().orElse(5));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + width + "s  %-7s  %10s  %7s%n", "class", "colour", "pixels",
                "area"));
        for (SegmentImage.ClassArea a : result.areas()) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s  %-7s  %10d  %6.1f%%%n", a.className(), a.colour(),
                    a.pixels(), 100 * a.fraction()));
        }
        return sb.toString();
    }
}
