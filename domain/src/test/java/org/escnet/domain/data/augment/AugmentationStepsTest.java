package org.escnet.domain.data.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.escnet.domain.data.SegmentationSample;
import org.junit.jupiter.api.Test;

class AugmentationStepsTest {

    /** A w×h sample whose label at (x, y) is y·w + x and whose red channel is the same number (mod 256). */
    private static SegmentationSample numbered(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        int[] labels = new int[w * h];
        for (int i = 0; i < w * h; i++) {
            labels[i] = i;
            rgb[3 * i] = (byte) i;
            rgb[3 * i + 1] = (byte) (255 - i);
            rgb[3 * i + 2] = 7;
        }
        return new SegmentationSample("n", w, h, rgb, labels, 255);
    }

    @Test
    void shortestEdgeSizesFollowDetectron2Rounding() {
        ResizeShortestEdge r = new ResizeShortestEdge(384, 1333);
        // 640×480 landscape: short side 480 → 384, scale 0.8 → 512×384
        assertThat(r.outputSize(640, 480)).containsExactly(512, 384);
        // 333×500 portrait: scale 384/333 → height 576.58… → 577
        assertThat(r.outputSize(333, 500)).containsExactly(384, 577);
        // 4000×100: scale 3.84 gives 15360 wide > 1333, so the long side becomes 1333 and the short 384·1333/15360 = 33.3
        assertThat(r.outputSize(4000, 100)).containsExactly(1333, 33);
    }

    @Test
    void imageIsBilinearWithHalfPixelCentres() {
        // red 0 and 255 side by side, widened to 4: sample points -0.25, 0.25, 0.75, 1.25 → 0, 63.75, 191.25, 255
        byte[] rgb = {0, 0, 0, (byte) 255, 0, 0};
        SegmentationSample s = new SegmentationSample("a", 2, 1, rgb, new int[] {1, 2}, 255);
        SegmentationSample out = ResizeShortestEdge.resize(s, 4, 1);
        assertThat(new int[] {out.channel(0, 0, 0), out.channel(1, 0, 0), out.channel(2, 0, 0), out.channel(3, 0, 0)})
                .containsExactly(0, 64, 191, 255);
        assertThat(out.labels()).containsExactly(1, 1, 2, 2);
    }

    @Test
    void labelsAreResizedNearestNeverBlended() {
        SegmentationSample s = new SegmentationSample("b", 2, 2, new byte[12], new int[] {1, 2, 3, 4}, 255);
        assertThat(ResizeShortestEdge.resize(s, 4, 4).labels()).containsExactly(
                1, 1, 2, 2,
                1, 1, 2, 2,
                3, 3, 4, 4,
                3, 3, 4, 4);
        // an odd scale over a two-value map only ever produces the two values
        int[] labels = new int[7 * 5];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3 == 0 ? 5 : 200;
        }
        SegmentationSample odd = new SegmentationSample("c", 7, 5, new byte[7 * 5 * 3], labels, 255);
        int[] resized = ResizeShortestEdge.resize(odd, 11, 8).labels();
        assertThat(Arrays.stream(resized).distinct().sorted().toArray()).containsExactly(5, 200);
    }

    @Test
    void randomCropCutsAWindowOfBothImageAndLabels() {
        SegmentationSample s = numbered(6, 5);
        SegmentationSample c = new RandomCrop(3, 2).apply(s, new SplittableRandom(3));
        assertThat(c.width()).isEqualTo(3);
        assertThat(c.height()).isEqualTo(2);
        int x0 = c.labels()[0] % 6;
        int y0 = c.labels()[0] / 6;
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int expected = (y0 + y) * 6 + x0 + x;
                assertThat(c.label(x, y)).isEqualTo(expected);
                assertThat(c.channel(x, y, 0)).isEqualTo(expected);
            }
        }
        // a crop larger than the image keeps it whole
        assertThat(new RandomCrop(10, 10).apply(s, new SplittableRandom(1))).isEqualTo(s);
    }

    @Test
    void randomCropReachesEveryOffset() {
        SegmentationSample s = numbered(4, 3);
        Set<Integer> corners = new HashSet<>();
        RandomGenerator rng = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            corners.add(new RandomCrop(2, 2).apply(s, rng).labels()[0]);
        }
        // x0 ∈ {0,1,2}, y0 ∈ {0,1}: 6 corners with labels 0,1,2,4,5,6
        assertThat(corners).containsExactlyInAnyOrder(0, 1, 2, 4, 5, 6);
    }

    @Test
    void flipMirrorsRows() {
        SegmentationSample s = numbered(3, 2);
        SegmentationSample f = RandomHorizontalFlip.flip(s);
        assertThat(f.labels()).containsExactly(2, 1, 0, 5, 4, 3);
        assertThat(f.channel(0, 1, 0)).isEqualTo(5);
        assertThat(f.channel(0, 1, 1)).isEqualTo(250);
        assertThat(new RandomHorizontalFlip(0).apply(s, new SplittableRandom(0))).isEqualTo(s);
        assertThat(new RandomHorizontalFlip(1).apply(s, new SplittableRandom(0))).isEqualTo(f);
    }

    @Test
    void padFillsImageWith128AndLabelsWithIgnore() {
        SegmentationSample p = new PadToMultiple(4, 128).apply(numbered(3, 2), new SplittableRandom(0));
        assertThat(p.width()).isEqualTo(4);
        assertThat(p.height()).isEqualTo(4);
        assertThat(p.labels()).containsExactly(
                0, 1, 2, 255,
                3, 4, 5, 255,
                255, 255, 255, 255,
                255, 255, 255, 255);
        assertThat(p.channel(3, 0, 0)).isEqualTo(128);
        assertThat(p.channel(0, 3, 2)).isEqualTo(128);
        assertThat(p.channel(2, 1, 0)).isEqualTo(5);
    }

    @Test
    void hsvConversionMatchesOpenCvEightBitConvention() {
        int[] hsv = new int[3];
        SsdColorJitter.toHsv8(255, 0, 0, hsv);
        assertThat(hsv).containsExactly(0, 255, 255);
        SsdColorJitter.toHsv8(0, 255, 0, hsv);
        assertThat(hsv).containsExactly(60, 255, 255);     // 120° / 2
        SsdColorJitter.toHsv8(0, 0, 255, hsv);
        assertThat(hsv).containsExactly(120, 255, 255);    // 240° / 2
        SsdColorJitter.toHsv8(128, 128, 128, hsv);
        assertThat(hsv).containsExactly(0, 0, 128);
        SsdColorJitter.toHsv8(255, 255, 0, hsv);
        assertThat(hsv).containsExactly(30, 255, 255);     // yellow 60°
    }

    @Test
    void hueShiftRotatesColoursAndSaturationZeroGivesGrey() {
        byte[] red = {(byte) 255, 0, 0};
        SsdColorJitter.adjustHsv(red, 60, 1);            // +120°: red → green
        assertThat(new int[] {red[0] & 0xFF, red[1] & 0xFF, red[2] & 0xFF}).containsExactly(0, 255, 0);
        byte[] blue = {0, 0, (byte) 255};
        SsdColorJitter.adjustHsv(blue, 90, 1);           // 240° + 180° = 60°: yellow; wraps mod 180
        assertThat(new int[] {blue[0] & 0xFF, blue[1] & 0xFF, blue[2] & 0xFF}).containsExactly(255, 255, 0);
        byte[] orange = {(byte) 200, 100, 50};
        SsdColorJitter.adjustHsv(orange, 0, 0);          // no saturation: grey at V = max = 200
        assertThat(new int[] {orange[0] & 0xFF, orange[1] & 0xFF, orange[2] & 0xFF}).containsExactly(200, 200, 200);
    }

    @Test
    void brightnessAndContrastClipAndTruncateLikeNumpy() {
        byte[] v = {(byte) 240, 10, (byte) 255};
        SsdColorJitter.affine(v, 1, 32);                 // 272 → 255, 42, 287 → 255
        assertThat(new int[] {v[0] & 0xFF, v[1] & 0xFF, v[2] & 0xFF}).containsExactly(255, 42, 255);
        byte[] c = {(byte) 255, 3, 0};
        SsdColorJitter.affine(c, 0.5, 0);                // 127.5 → 127, 1.5 → 1
        assertThat(new int[] {c[0] & 0xFF, c[1] & 0xFF, c[2] & 0xFF}).containsExactly(127, 1, 0);
    }

    @Test
    void colourJitterLeavesLabelsAndIsReproducibleFromTheSeed() {
        SegmentationSample s = numbered(8, 8);
        SegmentationSample a = SsdColorJitter.DEFAULT.apply(s, new SplittableRandom(42));
        SegmentationSample b = SsdColorJitter.DEFAULT.apply(s, new SplittableRandom(42));
        assertThat(a).isEqualTo(b);
        assertThat(a.labels()).isEqualTo(s.labels());
        boolean changedSomewhere = false;
        for (long seed = 0; seed < 10 && !changedSomewhere; seed++) {
            changedSomewhere = !Arrays.equals(SsdColorJitter.DEFAULT.apply(s, new SplittableRandom(seed)).rgb(), s.rgb());
        }
        assertThat(changedSomewhere).as("some seed among 10 must change the colours").isTrue();
    }

    @Test
    void fullPipelineGivesCropSizedSamplesWithOnlyOriginalLabelsOrIgnore() {
        SegmentationSample s = numbered(50, 30);
        TrainingAugmentation aug = TrainingAugmentation.forCrop(16);
        SegmentationSample a = aug.apply(s, new SplittableRandom(5));
        assertThat(a.width()).isEqualTo(16);
        assertThat(a.height()).isEqualTo(16);
        assertThat(a).isEqualTo(aug.apply(s, new SplittableRandom(5)));
        for (int v : a.labels()) {
            assertThat(v).isBetween(0, 50 * 30 - 1);
        }
        // 400×1: short side 16 would make it 6400 wide > 1333, so it becomes 1333×3 (16·1333/6400 = 3.33); the crop
        // is 16×3 and rows 3..15 are padding with the ignore label
        SegmentationSample thin = TrainingAugmentation.forCrop(16).apply(numbered(400, 1), new SplittableRandom(1));
        assertThat(thin.width()).isEqualTo(16);
        assertThat(thin.height()).isEqualTo(16);
        assertThat(Arrays.copyOfRange(thin.labels(), 3 * 16, 16 * 16)).containsOnly(255);
    }
}
