package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.escnet.adapters.djl.escnet.EscNetFactory;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming from a checkpoint continues training exactly. Augmentation and gradient accumulation are on, so the data
 * order, the augmentation stream and the optimizer moments all have to survive the checkpoint; the resumed network
 * starts from other random weights, so the weights must come from the checkpoint too.
 *
 * <p>The tests run torch on one thread, where its CPU kernels are bitwise repeatable: the pseudo prompts' top-k point
 * selection would turn last-bit differences into other points. Two identical straight runs must agree exactly (a
 * backward that read freed memory once made them differ), and then the resumed run must equal them.
 */
class ExactResumeTest {
    private static final TrainingSettings SETTINGS =
            new TrainingSettings(6, 2, 2, 1e-3, 1e-4, 1e-4, 0.05, 2, 96, true, 0, 11);
    private static final ColouredSquares DATA = new ColouredSquares(5, 96, 2);
    private static int threads;

    @TempDir
    Path workDir;

    @BeforeAll
    static void oneThread() {
        Engine.getInstance();
        threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
    }

    @AfterAll
    static void restoreThreads() {
        JniUtils.setNumThreads(threads);
    }

    private static List<Double> run(Trainer trainer, int steps) {
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            losses.add(trainer.step().loss());
        }
        return losses;
    }

    /** The two checkpoints' optimizer moments agree name by name (the safetensors key order is not fixed). */
    private static void assertSameMoments(TrainingCheckpoint a, TrainingCheckpoint b) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> left = byName(NDList.decode(m, Files.readAllBytes(a.folder().resolve(
                    TrainingCheckpoint.OPTIMIZER))));
            Map<String, NDArray> right = byName(NDList.decode(m, Files.readAllBytes(b.folder().resolve(
                    TrainingCheckpoint.OPTIMIZER))));
            assertThat(right.keySet()).isEqualTo(left.keySet()).isNotEmpty();
            for (Map.Entry<String, NDArray> e : left.entrySet()) {
                assertThat(right.get(e.getKey()).contentEquals(e.getValue())).as(e.getKey()).isTrue();
            }
        }
    }

    private static Map<String, NDArray> byName(NDList list) {
        Map<String, NDArray> out = new TreeMap<>();
        list.forEach(x -> out.put(x.getName(), x));
        return out;
    }

    private static EscNetNetwork network(NDManager m, int initSeed) {
        Engine.getInstance().setRandomSeed(initSeed);
        return EscNetFactory.buildRandom(TinySpecs.escnetTiny(), m);
    }

    @Test
    void aResumedTrainerHoldsTheSavedStateAndTakesTheSameNextStep() throws Exception {
        TrainingCheckpoint first = new TrainingCheckpoint(workDir.resolve("a"));
        TrainingCheckpoint again = new TrainingCheckpoint(workDir.resolve("b"));
        try (NDManager ma = NDManager.newBaseManager(); Trainer a = new Trainer(network(ma, 1), DATA, SETTINGS, ma);
             NDManager mb = NDManager.newBaseManager(); Trainer b = new Trainer(network(mb, 99), DATA, SETTINGS, mb)) {
            run(a, 3);
            a.save(first);
            b.resume(first.latest().orElseThrow());
            assertThat(b.iteration()).isEqualTo(3);
            b.save(again);
            assertThat(Files.readAllBytes(again.folder().resolve(TrainingCheckpoint.MODEL)))
                    .isEqualTo(Files.readAllBytes(first.folder().resolve(TrainingCheckpoint.MODEL)));
            assertSameMoments(first, again);
            double next = a.step().loss();
            double resumed = b.step().loss();
            System.out.println("iteration 3: continuing " + next + ", resumed " + resumed);
            assertThat(resumed).isCloseTo(next, within(1e-6));
        }
    }

    @Test
    void threePlusThreeFromACheckpointEqualsSixStraight() throws Exception {
        List<Double> straight;
        List<Double> repeat;
        try (NDManager m = NDManager.newBaseManager(); Trainer t = new Trainer(network(m, 1), DATA, SETTINGS, m)) {
            straight = run(t, 6);
        }
        try (NDManager m = NDManager.newBaseManager(); Trainer t = new Trainer(network(m, 1), DATA, SETTINGS, m)) {
            repeat = run(t, 6);
        }
        assertThat(repeat).as("two identical straight runs").isEqualTo(straight);
        List<Double> resumed;
        TrainingCheckpoint checkpoint = new TrainingCheckpoint(workDir);
        try (NDManager m = NDManager.newBaseManager(); Trainer t = new Trainer(network(m, 1), DATA, SETTINGS, m)) {
            resumed = new ArrayList<>(run(t, 3));
            t.save(checkpoint);
        }
        try (NDManager m = NDManager.newBaseManager(); Trainer t = new Trainer(network(m, 99), DATA, SETTINGS, m)) {
            t.resume(checkpoint.latest().orElseThrow());
            assertThat(t.iteration()).isEqualTo(3);
            resumed.addAll(run(t, 3));
            assertThat(t.finished()).isTrue();
        }
        System.out.println("straight " + straight + "\nresumed  " + resumed);
        assertThat(resumed).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(resumed.get(i)).as("loss at iteration " + i).isCloseTo(straight.get(i), within(1e-5));
        }
        // the run must actually learn between the steps compared, or equality would prove little
        assertThat(straight.get(5)).isNotEqualTo(straight.get(0));
    }
}
