package org.escnet.adapters.djl.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.escnet.adapters.djl.escnet.ClassChunking;
import org.escnet.application.ports.in.SegmentImage;
import org.escnet.application.ports.in.SegmentImage.ClassArea;
import org.escnet.application.ports.in.SegmentImage.Segmentation;
import org.escnet.adapters.djl.weights.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segmenting with the tiny preset: the result's shape, its limits and its errors (random weights, so no accuracy). */
class ImageSegmentationTest {
    private static final List<String> CLASSES = List.of("red square", "blue square", "grey background");
    private static ImageSegmentation segmentation;

    @TempDir
    static Path runs;

    @BeforeAll
    static void engine() {
        segmentation = new ImageSegmentation(new SegmentationSettings(runs, 200L * 150, 5, 1, ClassChunking.DEFAULT));
    }

    @AfterAll
    static void close() {
        segmentation.close();
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, x < width / 2 ? 0xDC1E1E : 0x1E28DC);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void assertWholeImage(Segmentation s, int width, int height, List<String> classes) throws Exception {
        assertThat(s.width()).isEqualTo(width);
        assertThat(s.height()).isEqualTo(height);
        BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(s.overlayPng()));
        assertThat(overlay.getWidth()).isEqualTo(width);
        assertThat(overlay.getHeight()).isEqualTo(height);
        assertThat(s.areas()).extracting(ClassArea::className).containsExactlyElementsOf(classes);
        assertThat(s.areas().stream().mapToLong(ClassArea::pixels).sum()).isEqualTo((long) width * height);
        assertThat(s.areas().stream().mapToDouble(ClassArea::fraction).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        List<String> colours = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            assertThat(s.areas().get(k).colour()).isEqualTo(ClassPalette.hex(k)).matches("#[0-9a-f]{6}");
            colours.add(s.areas().get(k).colour());
        }
        assertThat(colours).doesNotHaveDuplicates();
    }

    @Test
    void aPngIsSegmentedAtItsOwnSizeWithOneAreaPerClassInRequestOrder() throws Exception {
        Segmentation s = segmentation.segment(ModelSource.preset("escnet-tiny"), png(130, 70), CLASSES);
        assertWholeImage(s, 130, 70, CLASSES);
        // the overlay tints the image: a pixel is halfway between the photo and its class colour
        BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(s.overlayPng()));
        int pixel = overlay.getRGB(0, 0) & 0xFFFFFF;
        boolean matchesOneClass = false;
        for (int k = 0; k < CLASSES.size(); k++) {
            int c = ClassPalette.rgb(k);
            int expectedRed = (int) Math.round(0.5 * 0xDC + 0.5 * (c >> 16 & 0xFF));
            matchesOneClass |= (pixel >> 16 & 0xFF) == expectedRed;
        }
        assertThat(matchesOneClass).as("pixel %06x is the red photo blended with a class colour", pixel).isTrue();
    }

    @Test
    void theSameModelIsLoadedOnceAndTheCacheHoldsAtMostItsCapacity() throws Exception {
        segmentation.segment(ModelSource.preset("escnet-tiny"), png(40, 40), CLASSES);
        segmentation.segment(ModelSource.preset("escnet-tiny"), png(50, 30), CLASSES);
        assertThat(segmentation.loadedNetworks()).isEqualTo(1);
        Segmentation other = segmentation.segment(ModelSource.preset("catseg-tiny"), png(40, 40), CLASSES);
        assertWholeImage(other, 40, 40, CLASSES);
        assertThat(segmentation.loadedNetworks()).isEqualTo(1);
    }

    @Test
    void aRealJpegPhotoIsSegmented() throws Exception {
        Path jpeg = SharedData.require("samples/voc/VOCdevkit/VOC2012/JPEGImages/2007_000063.jpg");
        BufferedImage photo = ImageIO.read(jpeg.toFile());
        try (ImageSegmentation large = new ImageSegmentation(SegmentationSettings.defaults(runs))) {
            Segmentation s = large.segment(ModelSource.preset("escnet-tiny"), Files.readAllBytes(jpeg),
                    List.of("dog", "chair", "floor", "wall"));
            assertWholeImage(s, photo.getWidth(), photo.getHeight(), List.of("dog", "chair", "floor", "wall"));
        }
    }

    @Test
    void badInputIsRefusedWithAMessageSayingWhatIsWrong() throws Exception {
        ModelSource tiny = ModelSource.preset("escnet-tiny");
        assertThatThrownBy(() -> segmentation.segment(tiny, "not an image".getBytes(), CLASSES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("could not decode");
        byte[] truncated = java.util.Arrays.copyOf(png(60, 60), 60);
        assertThatThrownBy(() -> segmentation.segment(tiny, truncated, CLASSES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("could not decode");
        assertThatThrownBy(() -> segmentation.segment(tiny, png(300, 200), CLASSES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300x200")
                .hasMessageContaining("at most 30000").hasMessageContaining("escnet.segment.max-pixels");
        assertThatThrownBy(() -> segmentation.segment(tiny, png(20, 20), List.of("a", "b", "c", "d", "e", "f")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 class names")
                .hasMessageContaining("at most 5");
        assertThatThrownBy(() -> segmentation.segment(tiny, png(20, 20), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one class name");
    }

    @Test
    void thePortListsEveryPresetAndResolvesOnlyKnownIds() {
        DjlSegmentImage port = new DjlSegmentImage(new SegmentationSettings(runs, 1_000_000, 10, 1, ClassChunking.DEFAULT));
        try {
            assertThat(port.models()).extracting(SegmentImage.ModelChoice::id)
                    .contains("escnet-tiny", "catseg-tiny", "escnet-vit-b16");
            assertThatThrownBy(() -> port.segment(new SegmentImage.Request(png(10, 10), List.of("x"), "/etc/passwd")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown model '/etc/passwd'")
                    .hasMessageContaining("run:<id>");
            assertThatThrownBy(() -> port.segment(new SegmentImage.Request(png(10, 10), List.of("x"), "run:7")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run 7 has no checkpoint");
            Segmentation s = port.segment(new SegmentImage.Request(png(10, 10), List.of("x", "y"), "escnet-tiny"));
            assertThat(s.areas()).hasSize(2);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            port.close();
        }
    }
}
