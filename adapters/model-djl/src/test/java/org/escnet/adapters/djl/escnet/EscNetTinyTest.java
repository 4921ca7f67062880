package org.escnet.adapters.djl.escnet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.escnet.adapters.djl.escnet.ParameterGroups.Group;
import org.escnet.domain.model.EscNet;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.SamInit;
import org.escnet.domain.model.Segmentation;
import org.escnet.domain.model.TextFeatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The escnet-tiny network end to end: shapes of §2.12, chunking, class permutation, class cap, gradients. */
class EscNetTinyTest {
    private static final List<String> CLASSES = List.of("sky", "tree", "road", "car", "person", "wall", "grass",
            "water");

    private NDManager manager;
    private ParameterStore ps;

    @BeforeEach
    void open() {
        Engine.getInstance().setRandomSeed(7);
        manager = NDManager.newBaseManager();
        ps = new ParameterStore(manager, false);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray images(int b) {
        return manager.randomUniform(0, 255, new Shape(b, 3, 96, 96));
    }

    @Test
    void shapesFollowSpecTable212AtTheTinyGrid() {
        EscNetNetwork net = EscNetFactory.buildRandom(Specs.of("escnet-tiny", SamInit.RANDOM, "points+masks", 256),
                manager);
        Segmentation s = net.segment(new ForwardPass(ps, false, 0), images(2), CLASSES);
        int g = 6;
        assertThat(s.logits().getShape()).isEqualTo(new Shape(2, 8, 4 * g, 4 * g));
        assertThat(s.prompts().points().getShape()).isEqualTo(new Shape(16, 5, 2));
        assertThat(s.prompts().masks().getShape()).isEqualTo(new Shape(16, 1, 4 * g, 4 * g));
        assertThat(net.samBlocks()).hasSize(4);
        assertThat(net.vlfLayers()).hasSize(4);
    }

    @Test
    void chunkedForwardEqualsUnchunked() {
        // catseg-tiny pools the class attention 2x2 in training; escnet-tiny does not (see NetworkPreset)
        for (String preset : List.of("escnet-tiny", "catseg-tiny")) {
            SamInit init = preset.startsWith("escnet") ? SamInit.RANDOM : SamInit.NONE;
            EscNetNetwork net = EscNetFactory.buildRandom(Specs.of(preset, init, "points+masks", 256), manager);
            NDArray x = images(1);
            TextFeatures text = net.net().textEncoder().encode(new ForwardPass(ps, false, 0), manager, CLASSES);
            for (boolean training : new boolean[] {false, true}) {
                NDArray whole = net.segment(new ForwardPass(ps, training, 0), x, text).logits();
                NDArray chunked = net.segment(new ForwardPass(ps, training, 3), x, text).logits();
                float diff = whole.sub(chunked).abs().max().getFloat();
                assertThat(diff).as(preset + ", training=" + training).isLessThan(1e-4f);
                assertThat(whole.abs().max().getFloat()).isGreaterThan(0f);
            }
        }
    }

    @Test
    void permutingTheClassesPermutesTheLogits() {
        EscNetNetwork net = EscNetFactory.buildRandom(Specs.of("escnet-tiny", SamInit.RANDOM, "points+masks", 256),
                manager);
        NDArray x = images(1);
        int[] perm = {3, 0, 7, 5, 1, 6, 2, 4};
        List<String> permuted = new ArrayList<>();
        for (int p : perm) {
            permuted.add(CLASSES.get(p));
        }
        ForwardPass pass = new ForwardPass(ps, false, 0);
        NDArray a = net.segment(pass, x, CLASSES).logits();
        NDArray b = net.segment(pass, x, permuted).logits();
        for (int i = 0; i < perm.length; i++) {
            float diff = b.get(":, {}", i).sub(a.get(":, {}", perm[i])).abs().max().getFloat();
            assertThat(diff).as("class " + permuted.get(i)).isLessThan(1e-4f);
        }
    }

    @Test
    void classCapKeepsTheTopClassesAndGivesTheOthersMinus100() {
        EscNetNetwork net = EscNetFactory.buildRandom(Specs.of("escnet-tiny", SamInit.RANDOM, "points+masks", 3),
                manager);
        NDArray logits = net.segment(new ForwardPass(ps, false, 0), images(2), CLASSES).logits();
        assertThat(logits.getShape()).isEqualTo(new Shape(2, 8, 24, 24));
        for (int b = 0; b < 2; b++) {
            int dropped = 0;
            for (int n = 0; n < 8; n++) {
                NDArray m = logits.get("{}, {}", b, n);
                if (m.eq(EscNet.DROPPED_CLASS_LOGIT).all().getBoolean()) {
                    dropped++;
                }
            }
            assertThat(dropped).as("image " + b).isEqualTo(5);
        }
    }

    @Test
    void catSegTinyRunsWithoutPrompts() {
        EscNetNetwork net = EscNetFactory.buildRandom(Specs.of("catseg-tiny"), manager);
        Segmentation s = net.segment(new ForwardPass(ps, false, 0), images(1), CLASSES);
        assertThat(s.logits().getShape()).isEqualTo(new Shape(1, 8, 24, 24));
        assertThat(s.prompts()).isNull();
        assertThat(net.samBlocks()).isEmpty();
        assertThat(net.vlfLayers()).hasSize(2);
    }

    @Test
    void oneBackwardReachesEveryTrainableParameterAndNoFrozenOne() {
        EscNetNetwork net = EscNetFactory.buildRandom(Specs.of("escnet-tiny", SamInit.RANDOM, "points+masks", 256),
                manager);
        ParameterGroups groups = ParameterGroups.of(net).applyFreezing();
        assertThat(groups.names(Group.LOW)).isNotEmpty();
        assertThat(groups.names(Group.HIGH)).isNotEmpty();
        NDArray x = images(1);
        NDArray target = manager.randomUniform(0, 1, new Shape(1, 8, 24, 24)).gt(0.8f).toType(DataType.FLOAT32,
                false);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = net.segment(new ForwardPass(ps, true, 0), x, CLASSES).logits();
            NDArray loss = Loss.sigmoidBinaryCrossEntropyLoss().evaluate(
                    new ai.djl.ndarray.NDList(target), new ai.djl.ndarray.NDList(logits));
            gc.backward(loss);
        }
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : groups.byName().entrySet()) {
            Group g = groups.groupOf(e.getKey());
            NDArray w = e.getValue().getArray();
            if (g == Group.FROZEN) {
                assertThat(w.hasGradient()).as(e.getKey()).isFalse();
            } else if (!w.hasGradient() || w.getGradient().abs().sum().getFloat() == 0f) {
                silent.add(e.getKey());
            }
        }
        assertThat(silent).as("trainable parameters without gradient").isEmpty();
    }
}
