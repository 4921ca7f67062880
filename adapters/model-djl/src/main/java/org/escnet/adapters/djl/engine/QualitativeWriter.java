package org.escnet.adapters.djl.engine;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.evaluation.ScoringRule;

/**
 * Writes the qualitative PNGs of one evaluated image into {@code <workDir>/artifacts/qualitative/<benchmark>/<index>/},
 * the layout the web UI shows: {@code image.png} (the input), {@code truth.png} and {@code prediction.png} (one
 * {@link ClassPalette} colour per class, ignored pixels black), and when the network used such prompts
 * {@code points.png} and {@code masks.png}, transparent overlays of the pseudo prompts of the classes that are
 * predicted or present in the ground truth (all classes would bury the image on large vocabularies).
 *
 * <p>Predictions are coloured as they are scored: on PAS-20b every context class shows as background, like the
 * ground truth. The index folder has four digits so that folders sort in image order.
 */
final class QualitativeWriter {
    static final String FOLDER = "qualitative";
    private static final String PNG = "image/png";

    private final Path artifacts;

    /** @param workDir the run's folder; files go under its {@code artifacts/} */
    QualitativeWriter(Path workDir) {
        this.artifacts = workDir.resolve("artifacts");
    }

    /** Writes the files and returns their records, paths relative to the run's artifacts. */
    List<ArtifactRecord> write(String benchmark, int index, SegmentationSample sample, ImagePrediction prediction,
                               ScoringRule rule) throws IOException {
        if (benchmark.isEmpty() || benchmark.contains("/") || benchmark.contains("\\") || benchmark.startsWith(".")) {
            throw new IllegalArgumentException("benchmark name '" + benchmark + "' cannot be a folder name");
        }
        if (prediction.classes().length != sample.pixelCount()) {
            throw new IllegalArgumentException("prediction has " + prediction.classes().length + " pixels, sample "
                    + sample.id() + " has " + sample.pixelCount());
        }
        String folder = FOLDER + "/" + benchmark + "/" + String.format("%04d", index);
        int w = sample.width();
        int h = sample.height();
        List<ArtifactRecord> written = new ArrayList<>();
        written.add(save(folder + "/image.png", image(sample)));
        written.add(save(folder + "/truth.png", truth(sample, rule)));
        written.add(save(folder + "/prediction.png", prediction(sample, prediction.classes(), rule)));
        PromptSnapshot prompts = prediction.prompts();
        if (prompts != null) {
            Set<Integer> shown = shownClasses(sample, prediction.classes(), rule);
            if (prompts.hasPoints()) {
                written.add(save(folder + "/points.png", PromptOverlays.points(prompts, shown, w, h)));
            }
            if (prompts.hasMasks()) {
                written.add(save(folder + "/masks.png", PromptOverlays.masks(prompts, shown, w, h)));
            }
        }
        return written;
    }

    private static BufferedImage image(SegmentationSample s) {
        BufferedImage out = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                out.setRGB(x, y, s.packedRgb(x, y));
            }
        }
        return out;
    }

    private static BufferedImage truth(SegmentationSample s, ScoringRule rule) {
        BufferedImage out = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int label = s.label(x, y);
                out.setRGB(x, y, isClass(label, rule) ? ClassPalette.rgb(label) : ClassPalette.IGNORED);
            }
        }
        return out;
    }

    private static BufferedImage prediction(SegmentationSample s, int[] classes, ScoringRule rule) {
        BufferedImage out = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                out.setRGB(x, y, ClassPalette.rgb(rule.scoredPrediction(classes[y * s.width() + x])));
            }
        }
        return out;
    }

    /** Predicted vocabulary classes and scored ground-truth classes of the image. */
    private static Set<Integer> shownClasses(SegmentationSample s, int[] classes, ScoringRule rule) {
        Set<Integer> shown = new TreeSet<>();
        for (int c : classes) {
            shown.add(c);
        }
        for (int label : s.labels()) {
            if (isClass(label, rule)) {
                shown.add(label);
            }
        }
        return shown;
    }

    private static boolean isClass(int label, ScoringRule rule) {
        return label >= 0 && label < rule.classCount() && !rule.isIgnored(label);
    }

    private ArtifactRecord save(String path, BufferedImage picture) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(picture, "png", png)) {
            throw new IOException("no PNG writer is available in this Java runtime (javax.imageio)");
        }
        byte[] bytes = png.toByteArray();
        Path file = artifacts.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return new ArtifactRecord(path, file.toAbsolutePath().toString(), PNG, bytes.length, sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
