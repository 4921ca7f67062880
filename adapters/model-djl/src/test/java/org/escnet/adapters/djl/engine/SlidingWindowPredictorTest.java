package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.escnet.adapters.djl.ops.SeparableResize;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.model.Segmentation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sliding-window arithmetic with fake networks whose outputs are known per view. */
class SlidingWindowPredictorTest {
    /** The tiny preset's plan: windows of 96 at 0 and 64 on a 160 canvas. */
    private static final WindowPlan PLAN = WindowPlan.forWindow(96);
    /** The side of the fake logits, as the tiny network's 4g. */
    private static final int LOGIT_SIDE = 24;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static float logit(double p) {
        return (float) Math.log(p / (1 - p));
    }

    private NDArray constantLogits(float... perClass) {
        NDArray classes = manager.create(perClass).reshape(perClass.length, 1, 1);
        return classes.broadcast(new Shape(perClass.length, LOGIT_SIDE, LOGIT_SIDE)).duplicate();
    }

    @Test
    void windowsAreAveragedWhereTheyOverlapAndThenAveragedWithTheGlobalView() {
        SlidingWindowPredictor predictor = new SlidingWindowPredictor(manager, PLAN);
        double[] p = {0.95, 0.1, 0.2, 0.4}; // windows (0,0), (64,0), (0,64), (64,64)
        List<NDArray> windows = new ArrayList<>();
        for (double v : p) {
            windows.add(constantLogits(logit(v)));
        }
        double global = 0.3;
        NDArray coverage = manager.create(PLAN.coverage(), new Shape(1, 160, 160));
        NDArray canvas = predictor.canvasProbabilities(windows, constantLogits(logit(global)), coverage);
        assertThat(canvas.getShape()).isEqualTo(new Shape(1, 160, 160));
        float[] v = canvas.toFloatArray();
        // x and y: 0..63 first window only, 64..95 both, 96..159 second only
        assertThat(v[10 * 160 + 10]).isCloseTo((float) ((p[0] + global) / 2), within(1e-5f));
        assertThat(v[10 * 160 + 130]).isCloseTo((float) ((p[1] + global) / 2), within(1e-5f));
        assertThat(v[130 * 160 + 10]).isCloseTo((float) ((p[2] + global) / 2), within(1e-5f));
        assertThat(v[130 * 160 + 130]).isCloseTo((float) ((p[3] + global) / 2), within(1e-5f));
        assertThat(v[10 * 160 + 80]).isCloseTo((float) (((p[0] + p[1]) / 2 + global) / 2), within(1e-5f));
        assertThat(v[80 * 160 + 130]).isCloseTo((float) (((p[1] + p[3]) / 2 + global) / 2), within(1e-5f));
        assertThat(v[80 * 160 + 80]).isCloseTo((float) (((p[0] + p[1] + p[2] + p[3]) / 4 + global) / 2),
                within(1e-5f));
    }

    /** An image whose red value grows with x and green with y, so each crop's mean says where it was cut. */
    private static SegmentationSample ramp(int width, int height) {
        byte[] rgb = new byte[3 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rgb[3 * (y * width + x)] = (byte) (255 * x / (width - 1));
                rgb[3 * (y * width + x) + 1] = (byte) (255 * y / (height - 1));
            }
        }
        return new SegmentationSample("ramp", width, height, rgb, new int[width * height], 255);
    }

    @Test
    void predictsFromFourCropsAndAGlobalViewAtTheLabelSize() {
        SlidingWindowPredictor predictor = new SlidingWindowPredictor(manager, PLAN);
        List<Shape> viewShapes = new ArrayList<>();
        List<float[]> viewMeans = new ArrayList<>();
        // class 1 wins only where the top-left window's 0.95 dominates (see the expected values below)
        float[][] perView = {{0, logit(0.95)}, {0, logit(0.1)}, {0, logit(0.1)}, {0, logit(0.1)}, {0, 0}};
        ViewSegmenter fake = view -> {
            viewShapes.add(view.getShape());
            viewMeans.add(view.get(0).reshape(3, -1).mean(new int[] {1}).toFloatArray());
            return new Segmentation(constantLogits(perView[viewShapes.size() - 1]).expandDims(0), null);
        };
        int[] classes = predictor.predict(ramp(160, 160), fake, true).classes();

        assertThat(viewShapes).hasSize(5).allMatch(s -> s.equals(new Shape(1, 3, 96, 96)));
        // red grows with x: the crops at x = 64 are redder than those at x = 0; green grows with y
        assertThat(viewMeans.get(1)[0]).isGreaterThan(viewMeans.get(0)[0] + 50);
        assertThat(viewMeans.get(0)[1]).isCloseTo(viewMeans.get(1)[1], within(1f));
        assertThat(viewMeans.get(2)[1]).isGreaterThan(viewMeans.get(0)[1] + 50);
        assertThat(viewMeans.get(3)[0]).isCloseTo(viewMeans.get(1)[0], within(1f));
        assertThat(viewMeans.get(4)[0]).isCloseTo(127.5f, within(2f)); // the global view sees the whole ramp

        assertThat(classes).hasSize(160 * 160);
        assertThat(classes[10 * 160 + 10]).isEqualTo(1); // (0.95 + 0.5) / 2 > 0.5
        assertThat(classes[10 * 160 + 80]).isEqualTo(1); // ((0.95 + 0.1) / 2 + 0.5) / 2 = 0.5125
        assertThat(classes[10 * 160 + 130]).isEqualTo(0); // (0.1 + 0.5) / 2
        assertThat(classes[80 * 160 + 80]).isEqualTo(0); // ((0.95 + 0.3) / 4 + 0.5) / 2 = 0.406
    }

    @Test
    void classChunksGiveTheSameArgmaxAsAllClassesAtOnce() {
        SlidingWindowPredictor predictor = new SlidingWindowPredictor(manager, PLAN);
        int classes = 150; // three chunks of at most 64
        SplittableRandom random = new SplittableRandom(5);
        List<NDArray> views = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            float[] values = new float[classes * LOGIT_SIDE * LOGIT_SIDE];
            for (int j = 0; j < values.length; j++) {
                values[j] = (float) random.nextGaussian() * 3;
            }
            views.add(manager.create(values, new Shape(1, classes, LOGIT_SIDE, LOGIT_SIDE)));
        }
        int[] call = {0};
        ViewSegmenter fake = view -> new Segmentation(views.get(call[0]++), null);
        SegmentationSample sample = ramp(70, 50);
        int[] chunked = predictor.predict(sample, fake, false).classes();

        List<NDArray> windows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            windows.add(views.get(i).get(0));
        }
        NDArray coverage = manager.create(PLAN.coverage(), new Shape(1, 160, 160));
        NDArray all = SeparableResize.resize(predictor.canvasProbabilities(windows, views.get(4).get(0), coverage),
                50, 70, SeparableResize.Mode.BILINEAR);
        int[] expected = all.argMax(0).toType(DataType.INT32, false).toIntArray();
        assertThat(chunked).hasSize(70 * 50).containsExactly(expected);
        assertThat(Arrays.stream(chunked).anyMatch(c -> c >= 128)).as("the last chunk wins somewhere").isTrue();
    }
}
