package org.escnet.adapters.datasets.shapesworld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.escnet.adapters.datasets.BenchmarkCatalog;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldVocabulary.Phrase;
import org.escnet.domain.data.DataLocations;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.data.SegmentationSample;
import org.junit.jupiter.api.Test;

class ShapesWorldTest {
    private static final int SIDE = 64;

    @Test
    void vocabularyHas108PhrasesWith18HeldOutCompositionally() {
        assertThat(ShapesWorldVocabulary.all()).hasSize(108);
        assertThat(ShapesWorldVocabulary.seen()).hasSize(90);
        assertThat(ShapesWorldVocabulary.unseen()).hasSize(18);
        assertThat(ShapesWorldVocabulary.texts(ShapesWorldVocabulary.all()))
                .contains("red circle", "striped blue triangle", "dotted orange cross").doesNotHaveDuplicates();
        // DATASETS.md §7: shape s holds out colour (s + 2) mod 6 → circle-blue, square-yellow, triangle-purple,
        // star-orange, ring-red, cross-green, each in three patterns
        assertThat(ShapesWorldVocabulary.texts(ShapesWorldVocabulary.unseen())).containsExactlyInAnyOrder(
                "blue circle", "striped blue circle", "dotted blue circle",
                "yellow square", "striped yellow square", "dotted yellow square",
                "purple triangle", "striped purple triangle", "dotted purple triangle",
                "orange star", "striped orange star", "dotted orange star",
                "red ring", "striped red ring", "dotted red ring",
                "green cross", "striped green cross", "dotted green cross");
        // every colour, shape and pattern still occurs among the seen phrases
        assertThat(ShapesWorldVocabulary.seen().stream().map(Phrase::colour).collect(Collectors.toSet())).hasSize(6);
        assertThat(ShapesWorldVocabulary.seen().stream().map(Phrase::shape).collect(Collectors.toSet())).hasSize(6);
        assertThat(ShapesWorldVocabulary.seen().stream().map(Phrase::pattern).collect(Collectors.toSet())).hasSize(3);
    }

    @Test
    void splitsHaveTheDocumentedSizesVocabulariesAndSyntheticFlag() {
        DataLocations where = new DataLocations(java.util.Map.of(), java.util.Map.of(), java.nio.file.Path.of("."), 3, SIDE);
        SegmentationDataset seen = new BenchmarkCatalog().open("shapesworld-seen", where);
        SegmentationDataset unseen = new BenchmarkCatalog().open("shapesworld-unseen", where);
        SegmentationDataset train = new BenchmarkCatalog().open("shapesworld-train", where);
        assertThat(seen.size()).isEqualTo(200);
        assertThat(unseen.size()).isEqualTo(200);
        assertThat(seen.classNames()).hasSize(90);
        assertThat(train.classNames()).isEqualTo(seen.classNames());
        assertThat(unseen.classNames()).hasSize(108);
        assertThat(List.of(seen, unseen, train)).allSatisfy(d -> {
            assertThat(d.synthetic()).isTrue();
            assertThat(d.name()).startsWith("shapesworld");
            assertThat(d.ignoreValue()).isEqualTo(255);
        });
        SegmentationSample s = seen.sample(0);
        assertThat(s.width()).isEqualTo(SIDE);
        assertThat(s.height()).isEqualTo(SIDE);
    }

    @Test
    void anyImageRegeneratesBitForBitAloneInAnyOrderOnAnyThread() throws Exception {
        ShapesWorldDataset ds = new ShapesWorldDataset(ShapesWorldSplit.UNSEEN, 42, SIDE, 200);
        List<SegmentationSample> forward = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            forward.add(ds.sample(i));
        }
        // backwards, in a fresh dataset object
        ShapesWorldDataset again = new ShapesWorldDataset(ShapesWorldSplit.UNSEEN, 42, SIDE, 200);
        for (int i = 11; i >= 0; i--) {
            assertThat(again.sample(i)).isEqualTo(forward.get(i));
        }
        // on four threads at once
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SegmentationSample>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int index = i;
                futures.add(pool.submit(() -> ds.sample(index)));
            }
            for (int i = 0; i < 12; i++) {
                assertThat(futures.get(i).get()).isEqualTo(forward.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        // and different seeds, splits and indices give different images
        assertThat(forward.get(0)).isNotEqualTo(forward.get(1));
        assertThat(new ShapesWorldDataset(ShapesWorldSplit.UNSEEN, 43, SIDE, 200).sample(0).rgb())
                .isNotEqualTo(forward.get(0).rgb());
        assertThat(ShapesWorldRenderer.imageSeed(42, ShapesWorldSplit.SEEN, 0))
                .isNotEqualTo(ShapesWorldRenderer.imageSeed(42, ShapesWorldSplit.TRAIN, 0));
    }

    @Test
    void trainAndSeenHoldNoUnseenPhraseAndEveryUnseenImageShowsOne() {
        for (ShapesWorldSplit split : List.of(ShapesWorldSplit.TRAIN, ShapesWorldSplit.SEEN)) {
            ShapesWorldDataset ds = new ShapesWorldDataset(split, 7, SIDE, 200);
            for (int i = 0; i < 200; i++) {
                ShapesWorldRenderer.Rendered r = ds.render(i);
                assertThat(r.shapes()).hasSizeBetween(2, 5);
                assertThat(r.shapes()).noneMatch(s -> s.phrase().unseen());
            }
        }
        ShapesWorldDataset unseen = new ShapesWorldDataset(ShapesWorldSplit.UNSEEN, 7, SIDE);
        int minimum = Math.max(16, SIDE * SIDE / 200);
        for (int i = 0; i < unseen.size(); i++) {
            SegmentationSample s = unseen.sample(i);
            long visibleUnseen = java.util.Arrays.stream(s.labels())
                    .filter(l -> l != 255 && ShapesWorldVocabulary.all().get(l).unseen()).count();
            assertThat(visibleUnseen).as("unseen pixels of image %d", i).isGreaterThanOrEqualTo(minimum);
        }
    }

    @Test
    void labelledPixelsHaveTheirPhrasesColourAndShapesFollowDrawingOrder() {
        ShapesWorldDataset ds = new ShapesWorldDataset(ShapesWorldSplit.UNSEEN, 11, SIDE, 40);
        List<Phrase> vocabulary = ShapesWorldVocabulary.all();
        // nominal hues: red 0°, green ~130°, blue ~226°, yellow ~54°, purple ~277°, orange ~31°; the jitter is ±6°
        double[] nominalHue = new double[6];
        for (int c = 0; c < 6; c++) {
            int[] rgb = ShapesWorldRenderer.NOMINAL_RGB[c];
            nominalHue[c] = ShapesWorldRenderer.toHsv(rgb[0], rgb[1], rgb[2])[0];
        }
        long labelled = 0;
        for (int i = 0; i < ds.size(); i++) {
            ShapesWorldRenderer.Rendered r = ds.render(i);
            SegmentationSample s = r.sample();
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int label = s.label(x, y);
                    if (label == 255) {
                        continue;
                    }
                    labelled++;
                    double[] hsv = ShapesWorldRenderer.toHsv(s.channel(x, y, 0), s.channel(x, y, 1), s.channel(x, y, 2));
                    int colour = vocabulary.get(label).colour();
                    double distance = Math.abs(hsv[0] - nominalHue[colour]);
                    distance = Math.min(distance, 360 - distance);
                    assertThat(distance).as("hue at (%d,%d) of image %d, phrase %s", x, y, i, vocabulary.get(label))
                            .isLessThanOrEqualTo(9.0);
                    assertThat(hsv[1]).as("saturation").isGreaterThan(0.25);
                }
            }
            // the label at the last shape's centre (if inside the image and inside the shape) is the last shape's
            ShapesWorldRenderer.PlacedShape last = r.shapes().get(r.shapes().size() - 1);
            int cx = (int) last.centreX();
            int cy = (int) last.centreY();
            if (last.phrase().shape() != 4 && cx < SIDE && cy < SIDE) {   // a ring has a hole at its centre
                double dx = cx + 0.5 - last.centreX();
                double dy = cy + 0.5 - last.centreY();
                if (Math.hypot(dx, dy) < 0.2 * last.radius()) {
                    assertThat(s.label(cx, cy)).isEqualTo(last.label());
                }
            }
        }
        assertThat(labelled).isGreaterThan(0);
        Set<Integer> patterns = new java.util.HashSet<>();
        for (int i = 0; i < ds.size(); i++) {
            ds.render(i).shapes().forEach(p -> patterns.add(p.phrase().pattern()));
        }
        assertThat(patterns).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void shapeGeometryMatchesHandPickedPoints() {
        assertThat(ShapeGeometry.contains(0, 0.7, 0.7)).isTrue();    // circle: 0.98 ≤ 1
        assertThat(ShapeGeometry.contains(0, 0.75, 0.7)).isFalse();  // 1.0525 > 1
        assertThat(ShapeGeometry.contains(1, 0.79, -0.79)).isTrue();  // square half-side 0.8
        assertThat(ShapeGeometry.contains(1, 0.85, 0)).isFalse();
        assertThat(ShapeGeometry.contains(2, 0, -0.9)).isTrue();      // triangle apex points up (−y)
        assertThat(ShapeGeometry.contains(2, 0, 0.6)).isFalse();      // below its base at y = 0.5
        assertThat(ShapeGeometry.contains(3, 0, -0.95)).isTrue();     // star tip
        assertThat(ShapeGeometry.contains(3, 0, 0.6)).isFalse();      // between the two lower tips
        assertThat(ShapeGeometry.contains(4, 0, 0)).isFalse();        // ring hole
        assertThat(ShapeGeometry.contains(4, 0.8, 0)).isTrue();
        assertThat(ShapeGeometry.contains(5, 0.9, 0.1)).isTrue();     // cross arm
        assertThat(ShapeGeometry.contains(5, 0.6, 0.6)).isFalse();    // between arms
    }
}
