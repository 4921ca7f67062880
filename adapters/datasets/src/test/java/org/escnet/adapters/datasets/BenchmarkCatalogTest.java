package org.escnet.adapters.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.escnet.domain.data.DataLocations;
import org.escnet.domain.data.DatasetReadException;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.data.UnknownBenchmarkException;
import org.escnet.domain.evaluation.ConfusionMatrix;
import org.escnet.domain.evaluation.SegmentationScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkCatalogTest {
    private final BenchmarkCatalog catalog = new BenchmarkCatalog();

    private static DataLocations samples() {
        Path data = SharedSamples.data();
        return new DataLocations(Map.of("voc20", data.resolve("samples/voc"), "voc20b", data.resolve("samples/voc"),
                "ade150", data.resolve("samples/ade20k_150")), Map.of(), data.resolve("classnames"), 0, 128);
    }

    @Test
    void readsLabelMapsAsRawValuesEqualToAnIndependentPngDecoder() throws Exception {
        DataLocations where = samples();
        for (String[] c : new String[][] {
                {"voc20", "samples/voc/VOCdevkit/VOC2012/annotations_detectron2/val/2007_000063.png", "500", "375"},
                {"voc20b", "samples/voc/VOCdevkit/VOC2012/annotations_detectron2_bg/val/2007_000063.png", "500", "375"},
                {"ade150", "samples/ade20k_150/ADEChallengeData2016/annotations_detectron2/validation/ADE_val_00000001.png",
                        "683", "512"}}) {
            SegmentationDataset ds = catalog.open(c[0], where);
            assertThat(ds.size()).isEqualTo(1);
            assertThat(ds.synthetic()).isFalse();
            SegmentationSample s = ds.sample(0);
            assertThat(s.width()).isEqualTo(Integer.parseInt(c[2]));
            assertThat(s.height()).isEqualTo(Integer.parseInt(c[3]));
            assertThat(s.labels()).isEqualTo(ReferencePngDecoder.decode(SharedSamples.data().resolve(c[1])).values());
            assertThat(s.rgb()).hasSize(3 * s.width() * s.height());
        }
    }

    @Test
    void groundTruthAsPredictionScoresOneHundred() {
        DataLocations where = samples();
        for (String name : List.of("voc20", "voc20b", "ade150")) {
            SegmentationDataset ds = catalog.open(name, where);
            ConfusionMatrix m = new ConfusionMatrix(ds.scoring());
            SegmentationSample s = ds.sample(0);
            int[] prediction = s.labels().clone();
            for (int i = 0; i < prediction.length; i++) {
                if (prediction[i] == ds.ignoreValue()) {
                    prediction[i] = 0;   // whatever is predicted on ignored pixels must not matter
                }
            }
            m.accumulate(prediction, s.labels());
            SegmentationScores scores = m.scores();
            System.out.printf("%s: mIoU %.3f over %d classes, pixel accuracy %.3f%n", name, scores.mIoU(),
                    scores.scoredClasses(), scores.pixelAccuracy());
            assertThat(scores.mIoU()).isEqualTo(100.0);
            assertThat(scores.pixelAccuracy()).isEqualTo(100.0);
        }
        // PAS-20 scores 20 classes (background ignored), PAS-20b 21 (background = 20) over a 59-name vocabulary
        assertThat(new ConfusionMatrix(catalog.open("voc20", where).scoring()).rule().classCount()).isEqualTo(20);
        assertThat(catalog.open("voc20b", where).scoring().classCount()).isEqualTo(21);
    }

    @Test
    void classListsAreStrippedButSynonymsKept() {
        DataLocations where = samples();
        List<String> ade = catalog.open("ade150", where).classNames();
        assertThat(ade).hasSize(150);
        assertThat(ade.get(7)).isEqualTo("bed");
        assertThat(catalog.open("voc20b", where).classNames()).hasSize(59).startsWith("aeroplane", "bicycle");
        List<String> ade847 = ClassListFile.read(SharedSamples.classNames().resolve("ade847.json"));
        assertThat(ade847).hasSize(847);
        assertThat(ade847.get(0)).isEqualTo("wall");
        assertThat(ade847.get(1)).isEqualTo("building, edifice");
        assertThat(ClassListFile.read(SharedSamples.classNames().resolve("coco.json"))).hasSize(171);
        assertThat(ClassListFile.read(SharedSamples.classNames().resolve("pc459.json"))).hasSize(459);
    }

    @Test
    void sixteenBitTiffKeepsUnsignedValuesIncludingTheIgnore65535(@TempDir Path tmp) throws Exception {
        Path images = Files.createDirectories(tmp.resolve("ADE20K_2021_17_01/images_detectron2/validation"));
        Path labels = Files.createDirectories(tmp.resolve("ADE20K_2021_17_01/annotations_detectron2/validation"));
        BufferedImage photo = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        photo.setRGB(0, 0, 0x102030);
        photo.setRGB(2, 1, 0xFFEE01);
        ImageIO.write(photo, "png", tmp.resolve("p.png").toFile());
        ImageIO.write(photo, "jpg", images.resolve("ADE_frame_1.jpg").toFile());
        BufferedImage tif = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        int[] values = {0, 846, 65535, 300, 65535, 1};
        tif.getRaster().setSamples(0, 0, 3, 2, 0, values);
        assertThat(ImageIO.write(tif, "tiff", labels.resolve("ADE_frame_1.tif").toFile())).isTrue();

        DataLocations where = new DataLocations(Map.of("default", tmp), Map.of(),
                SharedSamples.classNames(), 0, 128);
        SegmentationDataset ds = catalog.open("ade847", where);
        SegmentationSample s = ds.sample(0);
        assertThat(s.labels()).containsExactly(values);
        assertThat(ds.ignoreValue()).isEqualTo(65535);
        assertThat(new DatasetChecker().check("ade847", tmp).histogram())
                .containsEntry(65535, 2L).containsEntry(846, 1L).containsEntry(300, 1L);

        // PNG photos decode losslessly: the exact RGB bytes come back
        ImageFiles.Rgb rgb = ImageFiles.readRgb(tmp.resolve("p.png"));
        assertThat(rgb.rgb()).startsWith((byte) 0x10, (byte) 0x20, (byte) 0x30);
        assertThat(rgb.rgb()[15]).isEqualTo((byte) 0xFF);
        assertThat(rgb.rgb()[16]).isEqualTo((byte) 0xEE);
        assertThat(rgb.rgb()[17]).isEqualTo((byte) 0x01);
    }

    @Test
    void badInputFailsWithTheFileAndTheReason(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> catalog.open("ade-150", samples()))
                .isInstanceOf(UnknownBenchmarkException.class)
                .hasMessageContaining("did you mean 'ade150'").hasMessageContaining("pc459");
        assertThatThrownBy(() -> catalog.open("pc59", samples()))
                .isInstanceOf(DatasetReadException.class).hasMessageContaining("data.roots.pc59");

        Path images = Files.createDirectories(tmp.resolve("ADEChallengeData2016/images/validation"));
        Path labels = Files.createDirectories(tmp.resolve("ADEChallengeData2016/annotations_detectron2/validation"));
        Files.write(images.resolve("x.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        DatasetCheckerTest.writeGrey(labels.resolve("x.png"), 4, 4, 1);
        SegmentationDataset ds = catalog.open("ade150", new DataLocations(Map.of("ade150", tmp), Map.of(),
                SharedSamples.classNames(), 0, 128));
        assertThatThrownBy(() -> ds.sample(0)).isInstanceOf(DatasetReadException.class)
                .hasMessageContaining(images.resolve("x.jpg").toString());

        BufferedImage colour = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(colour, "png", tmp.resolve("rgb.png").toFile());
        assertThatThrownBy(() -> ImageFiles.readLabels(tmp.resolve("rgb.png")))
                .hasMessageContaining("rgb.png").hasMessageContaining("3 channels");

        Files.writeString(tmp.resolve("bad.json"), "{\"a\": 1}");
        assertThatThrownBy(() -> ClassListFile.read(tmp.resolve("bad.json")))
                .hasMessageContaining("bad.json").hasMessageContaining("JSON array of strings");
    }
}
