package org.escnet.adapters.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCheckerTest {

    @Test
    void pas20SampleReportsTrueCountsAndHistogram() throws Exception {
        Path root = SharedSamples.vocRoot();
        DatasetCheckReport report = new DatasetChecker(true).check("voc20", root);
        System.out.println(report.toText());

        Path label = root.resolve("VOCdevkit/VOC2012/annotations_detectron2/val/2007_000063.png");
        SortedMap<Integer, Long> expected = ReferencePngDecoder.histogram(ReferencePngDecoder.decode(label).values());
        assertThat(report.ok()).as(report.toText()).isTrue();
        assertThat(report.images()).isEqualTo(1);
        assertThat(report.labels()).isEqualTo(1);
        assertThat(report.pairs()).isEqualTo(1);
        assertThat(report.histogram()).isEqualTo(expected);
        // SOURCES.md: 0 background, 9 chair, 12 dog, 255 void; PAS-20 maps k → k−1 and background to 255
        assertThat(report.histogram().keySet()).containsExactly(8, 11, 255);
        assertThat(report.labelledPixels()).isEqualTo(500L * 375);
    }

    @Test
    void pas20bSampleKeepsBackgroundAsTwenty() throws Exception {
        Path root = SharedSamples.vocRoot();
        DatasetCheckReport report = new DatasetChecker().check("voc20b", root);
        Path label = root.resolve("VOCdevkit/VOC2012/annotations_detectron2_bg/val/2007_000063.png");
        Path official = root.resolve("VOCdevkit/VOC2012/SegmentationClass/2007_000063.png");
        SortedMap<Integer, Long> officialHistogram =
                ReferencePngDecoder.histogram(ReferencePngDecoder.decode(official).values());

        assertThat(report.ok()).as(report.toText()).isTrue();
        assertThat(report.histogram()).isEqualTo(ReferencePngDecoder.histogram(ReferencePngDecoder.decode(label).values()));
        // the derivation rule 0→20, k→k−1, 255→255 applied to the official palette annotation's counts
        assertThat(report.histogram()).containsExactly(
                Map.entry(8, officialHistogram.get(9)), Map.entry(11, officialHistogram.get(12)),
                Map.entry(20, officialHistogram.get(0)), Map.entry(255, officialHistogram.get(255)));
    }

    @Test
    void ade150SampleMatchesTheRawAnnotationShiftedByOne() throws Exception {
        Path root = SharedSamples.adeRoot();
        DatasetCheckReport report = new DatasetChecker(true).check("ade150", root);
        System.out.println(report.toText());
        SortedMap<Integer, Long> raw = ReferencePngDecoder.histogram(ReferencePngDecoder.decode(
                root.resolve("ADEChallengeData2016/annotations/validation/ADE_val_00000001.png")).values());
        SortedMap<Integer, Long> shifted = new TreeMap<>();
        raw.forEach((v, n) -> shifted.put(v == 0 ? 255 : v - 1, n));   // DATASETS.md §1.3: uint8 v − 1

        assertThat(report.ok()).as(report.toText()).isTrue();
        assertThat(report.pairs()).isEqualTo(1);
        assertThat(report.histogram()).isEqualTo(shifted);
        assertThat(report.toJson()).startsWith("{\"benchmark\":\"ade150\"").contains("\"pairs\":1")
                .contains("\"problems\":[]").contains("\"255\":" + raw.get(0));
    }

    @Test
    void brokenCopyNamesEveryProblem(@TempDir Path tmp) throws Exception {
        Path source = SharedSamples.adeRoot();
        copyTree(source.resolve("ADEChallengeData2016"), tmp.resolve("ADEChallengeData2016"));
        Path images = tmp.resolve("ADEChallengeData2016/images/validation");
        Path labels = tmp.resolve("ADEChallengeData2016/annotations_detectron2/validation");
        Path jpg = images.resolve("ADE_val_00000001.jpg");

        // 2: image without label map
        Files.copy(jpg, images.resolve("ADE_val_00000002.jpg"));
        // 3: label map without image
        Files.copy(labels.resolve("ADE_val_00000001.png"), labels.resolve("ADE_val_00000003.png"));
        // 4: label map of the wrong size
        Files.copy(jpg, images.resolve("ADE_val_00000004.jpg"));
        writeGrey(labels.resolve("ADE_val_00000004.png"), 10, 10, 3);
        // 5: right size, one value outside 0..149 that is not 255
        Files.copy(jpg, images.resolve("ADE_val_00000005.jpg"));
        BufferedImage outOfRange = new BufferedImage(683, 512, BufferedImage.TYPE_BYTE_GRAY);
        outOfRange.getRaster().setSample(5, 5, 0, 200);
        ImageIO.write(outOfRange, "png", labels.resolve("ADE_val_00000005.png").toFile());
        // 6: a label map that is not an image at all
        Files.copy(jpg, images.resolve("ADE_val_00000006.jpg"));
        Files.writeString(labels.resolve("ADE_val_00000006.png"), "not a png");

        DatasetCheckReport report = new DatasetChecker().check("ade150", tmp);
        System.out.println(report.toText());

        assertThat(report.ok()).isFalse();
        assertThat(report.images()).isEqualTo(5);
        assertThat(report.labels()).isEqualTo(5);
        assertThat(report.pairs()).isEqualTo(4);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("ADE_val_00000002.jpg").contains("has no label map"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("ADE_val_00000003.png").contains("has no image"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("ADE_val_00000004.png")
                .contains("is 10x10").contains("683x512"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("ADE_val_00000005.png")
                .contains("1 pixels with values outside the classes 0..149").contains(": 200"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("ADE_val_00000006.png")
                .contains("not in a format"));
        assertThat(report.problems()).hasSize(5);
        // the readable maps still count: the sample's pixels, 100 pixels of value 3, 683·512 − 1 zeros and one 200
        assertThat(report.histogram().get(200)).isEqualTo(1L);
        assertThat(report.toJson()).contains("\"ok\":false").contains("ADE_val_00000006.png");
    }

    @Test
    void missingFoldersAreAProblemNotACrash(@TempDir Path tmp) {
        DatasetCheckReport report = new DatasetChecker().check("ade847", tmp);
        assertThat(report.ok()).isFalse();
        assertThat(report.problems().get(0)).contains("ADE20K_2021_17_01/images_detectron2/validation")
                .contains("does not exist");
    }

    static void writeGrey(Path file, int w, int h, int value) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, value);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().setWritable(true);
                }
            }
        }
    }
}
