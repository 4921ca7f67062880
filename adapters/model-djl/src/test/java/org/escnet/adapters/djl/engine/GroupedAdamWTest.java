package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.ConstantInitializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdamW against torch.optim.AdamW's update written out by hand for a quadratic loss. */
class GroupedAdamWTest {

    private static Parameter parameter(NDManager m, String name, float value) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(value)).build();
        p.initialize(m, DataType.FLOAT32);
        p.getArray().setRequiresGradient(true);
        return p;
    }

    /** loss = Σ c·w², gradient 2·c·w. */
    private static void backward(Parameter p, float c) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(p.getArray().square().mul(c).sum());
        }
    }

    /** torch.optim.AdamW on one scalar: lr, β (0.9, 0.999), eps 1e-8, weight decay wd, gradient 2·c·w each step. */
    private static double[] reference(double w, double c, double lr, double wd, int steps) {
        double m = 0;
        double v = 0;
        double[] out = new double[steps];
        for (int t = 1; t <= steps; t++) {
            double g = 2 * c * w;
            w *= 1 - lr * wd;
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double denom = Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
            w -= lr / (1 - Math.pow(0.9, t)) * m / denom;
            out[t - 1] = w;
        }
        return out;
    }

    @Test
    void matchesTheTorchFormulaPerGroupAndSkipsDecayWhereAsked() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter high = parameter(m, "high", 1.5f);
            Parameter low = parameter(m, "low", -0.7f);
            Map<String, GroupedAdamW.Slot> slots = new LinkedHashMap<>();
            slots.put("high", new GroupedAdamW.Slot(high, 0.1, true));
            slots.put("low", new GroupedAdamW.Slot(low, 0.001, false));
            double[] refHigh = reference(1.5, 0.3, 0.1 * 0.5, 0.2, 5);
            double[] refLow = reference(-0.7, 0.3, 0.001 * 0.5, 0.0, 5);
            try (GroupedAdamW opt = GroupedAdamW.withSpecDefaults(slots, 0.2, m)) {
                for (int t = 1; t <= 5; t++) {
                    backward(high, 0.3f);
                    backward(low, 0.3f);
                    opt.step(t, 0.5);
                    assertThat(high.getArray().getFloat()).as("high step " + t).isCloseTo((float) refHigh[t - 1],
                            within(1e-6f));
                    assertThat(low.getArray().getFloat()).as("low step " + t).isCloseTo((float) refLow[t - 1],
                            within(1e-6f));
                    assertThat(high.getArray().getGradient().getFloat()).as("gradient zeroed").isZero();
                }
            }
        }
    }

    @Test
    void savedMomentsContinueExactly() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = parameter(m, "w", 2f);
            Parameter b = parameter(m, "w", 2f);
            GroupedAdamW straight = GroupedAdamW.withSpecDefaults(Map.of("w", new GroupedAdamW.Slot(a, 0.05, true)),
                    0.01, m);
            GroupedAdamW resumed = GroupedAdamW.withSpecDefaults(Map.of("w", new GroupedAdamW.Slot(b, 0.05, true)),
                    0.01, m);
            for (int t = 1; t <= 2; t++) {
                backward(a, 1f);
                straight.step(t, 1);
                backward(b, 1f);
                resumed.step(t, 1);
            }
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            resumed.save(saved);
            resumed.close();
            GroupedAdamW fresh = GroupedAdamW.withSpecDefaults(Map.of("w", new GroupedAdamW.Slot(b, 0.05, true)),
                    0.01, m);
            fresh.load(new ByteArrayInputStream(saved.toByteArray()));
            for (int t = 3; t <= 4; t++) {
                backward(a, 1f);
                straight.step(t, 1);
                backward(b, 1f);
                fresh.step(t, 1);
            }
            double[] ref = reference(2, 1, 0.05, 0.01, 4);
            assertThat(b.getArray().getFloat()).isCloseTo((float) ref[3], within(1e-6f));
            assertThat(b.getArray().getFloat()).isEqualTo(a.getArray().getFloat());
            straight.close();
            fresh.close();
        }
    }
}
