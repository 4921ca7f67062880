package org.escnet.adapters.djl.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.adapters.djl.escnet.ParameterGroups;
import org.escnet.adapters.djl.escnet.ParameterGroups.Group;
import org.escnet.adapters.djl.ops.Scalars;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.data.augment.SampleTransform;
import org.escnet.domain.data.augment.TrainingAugmentation;
import org.escnet.domain.model.ForwardPass;

/**
 * Trains one network on one dataset, one optimizer step at a time (ESC-NET-SPEC §3.3): BCE loss, AdamW with the
 * low/high learning rates, cosine schedule with optional warm-up, global-norm clipping, gradient accumulation.
 *
 * <p>Every iteration is a function of (weights, optimizer moments, seed, iteration): the data order and the
 * augmentation come from {@link DataOrder} and the engine's random seed is reset per iteration, so training resumed
 * from a checkpoint continues exactly as if it had never stopped. Temporaries of an iteration live in one
 * {@link NDScope} and are freed when it ends.
 */
public final class Trainer implements AutoCloseable {
    private static final int CHECKPOINT_FORMAT = 1;

    /**
     * What one optimizer step did.
     *
     * @param skipped     true when the gradient norm was not finite: the weights were left unchanged for this step
     * @param nonFinite   when skipped, the parameters whose gradient was not finite (where to look for the cause)
     */
    public record Step(long iteration, double loss, double gradientNorm, double lrMultiplier, int images,
                       boolean skipped, List<String> nonFinite) {
        public Step {
            nonFinite = List.copyOf(nonFinite);
        }
    }

    private final EscNetNetwork network;
    private final ParameterGroups groups;
    private final SegmentationDataset dataset;
    private final TrainingSettings settings;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final GroupedAdamW optimizer;
    private final LearningRateSchedule schedule;
    private final DataOrder order;
    private final SampleTransform augmentation;
    private final List<String> classNames;
    private long iteration;

    /**
     * @param network  an initialised network; its groups' freezing is applied here
     * @param manager  the manager the network was built on
     */
    public Trainer(EscNetNetwork network, SegmentationDataset dataset, TrainingSettings settings, NDManager manager) {
        Engine.getInstance(); // the native library must be loaded before any JniUtils call
        JniUtils.setGradMode(false); // worker threads start with torch's grad mode on; only the collector needs it
        this.network = network;
        this.groups = ParameterGroups.of(network).applyFreezing();
        this.dataset = dataset;
        this.settings = settings;
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
        this.optimizer = GroupedAdamW.withSpecDefaults(slots(groups, settings), settings.weightDecay(), manager);
        this.schedule = new LearningRateSchedule(settings.iterations(), settings.warmup());
        int size = settings.images() > 0 ? Math.min(settings.images(), dataset.size()) : dataset.size();
        this.order = new DataOrder(settings.seed(), size);
        this.augmentation = settings.augment() ? TrainingAugmentation.forCrop(settings.cropSize()) : null;
        this.classNames = dataset.classNames();
    }

    private static Map<String, GroupedAdamW.Slot> slots(ParameterGroups groups, TrainingSettings s) {
        Map<String, GroupedAdamW.Slot> slots = new LinkedHashMap<>();
        for (Group g : List.of(Group.LOW, Group.HIGH)) {
            double lr = g == Group.LOW ? s.lrLow() : s.lr();
            for (String name : groups.names(g)) {
                slots.put(name, new GroupedAdamW.Slot(groups.byName().get(name), lr, !groups.noWeightDecay(name)));
            }
        }
        return slots;
    }

    /** The next iteration to run (0-based); equals the number of steps done. */
    public long iteration() {
        return iteration;
    }

    public boolean finished() {
        return iteration >= settings.iterations();
    }

    public TrainingSettings settings() {
        return settings;
    }

    public ParameterGroups groups() {
        return groups;
    }

    /** The learning rate of a group at an iteration. */
    public double learningRate(Group group, long at) {
        return (group == Group.LOW ? settings.lrLow() : group == Group.HIGH ? settings.lr() : 0)
                * schedule.factor(at);
    }

    /**
     * Runs one optimizer step over batchSize images in gradAccumulation micro-batches.
     *
     * @throws NonFiniteLossException when a micro-batch loss is NaN or infinite (the weights are not updated)
     */
    public Step step() {
        long i = iteration;
        // resetting the engine's seed per iteration keeps any random op of the forward reproducible across resumes
        Engine.getInstance().setRandomSeed((int) (settings.seed() * 1_000_003L + i));
        double lossSum = 0;
        double norm;
        boolean skipped;
        List<String> nonFinite = List.of();
        double factor = schedule.factor(i);
        try (NDScope scope = new NDScope()) {
            int micro = settings.microBatch();
            for (int a = 0; a < settings.gradAccumulation(); a++) {
                List<SegmentationSample> samples = new ArrayList<>();
                for (int k = 0; k < micro; k++) {
                    long position = i * settings.batchSize() + (long) a * micro + k;
                    SegmentationSample s = dataset.sample(order.index(position));
                    samples.add(augmentation == null ? s : augmentation.apply(s, order.augmentationRandom(position)));
                }
                lossSum += forwardBackward(samples, i);
            }
            JniUtils.setGradMode(false);
            norm = GlobalNormClipping.clip(optimizer.gradients(), settings.clipGradNorm());
            skipped = !Double.isFinite(norm);
            if (skipped) {
                nonFinite = optimizer.nonFiniteGradients();
                // scaling an infinite gradient by max/inf gives NaN weights; dropping the step keeps the run alive
                optimizer.zeroGradients();
            } else {
                optimizer.step(i + 1, factor);
            }
            scope.suppressNotUsedWarning();
        }
        iteration++;
        return new Step(i, lossSum / settings.gradAccumulation(), norm, factor, settings.batchSize(), skipped,
                nonFinite);
    }

    /** One micro-batch: loss, backward (scaled so accumulated gradients average over micro-batches). */
    private double forwardBackward(List<SegmentationSample> samples, long i) {
        int side = network.architecture().preset().clip().imageSize();
        NDArray images = ImageTensors.batch(manager, samples, side);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = network.segment(new ForwardPass(parameters, true, 0), images, classNames).logits();
            NDArray loss = SegmentationLoss.of(logits, samples);
            double value = loss.getFloat();
            if (!Double.isFinite(value)) {
                throw new NonFiniteLossException(i, value);
            }
            gc.backward(settings.gradAccumulation() > 1 ? Scalars.over(loss, settings.gradAccumulation()) : loss);
            return value;
        }
    }

    /** Writes weights, optimizer moments, the iteration and the data-order state into {@code checkpoint}. */
    public void save(TrainingCheckpoint checkpoint) throws IOException {
        checkpoint.write(folder -> {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(folder.resolve(TrainingCheckpoint.MODEL))))) {
                network.saveParameters(out);
            }
            CheckpointModel.writeSpec(folder, network.spec());
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(folder.resolve(TrainingCheckpoint.OPTIMIZER)))) {
                optimizer.save(out);
            }
            Properties state = new Properties();
            state.setProperty("format", Integer.toString(CHECKPOINT_FORMAT));
            state.setProperty("iteration", Long.toString(iteration));
            state.setProperty("data-order.seed", Long.toString(order.seed()));
            state.setProperty("data-order.position", Long.toString(iteration * settings.batchSize()));
            state.setProperty("batch-size", Integer.toString(settings.batchSize()));
            try (OutputStream out = Files.newOutputStream(folder.resolve(TrainingCheckpoint.STATE))) {
                state.store(out, "ESC-Lab training checkpoint");
            }
        });
    }

    /** Restores what {@link #save} wrote; the next {@link #step} continues where the saved run stopped. */
    public void resume(Path folder) throws IOException {
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve(TrainingCheckpoint.STATE))) {
            state.load(in);
        }
        expect(state, "format", Integer.toString(CHECKPOINT_FORMAT), folder);
        expect(state, "data-order.seed", Long.toString(order.seed()), folder);
        expect(state, "batch-size", Integer.toString(settings.batchSize()), folder);
        CheckpointModel.loadInto(network, manager, folder);
        groups.applyFreezing(); // loaded arrays are new: mark the trained ones as needing gradients again
        try (InputStream in = new BufferedInputStream(
                Files.newInputStream(folder.resolve(TrainingCheckpoint.OPTIMIZER)))) {
            optimizer.load(in);
        }
        iteration = Long.parseLong(state.getProperty("iteration"));
    }

    private static void expect(Properties state, String key, String expected, Path folder) {
        String found = state.getProperty(key);
        if (!expected.equals(found)) {
            throw new IllegalStateException("checkpoint " + folder + ": expected " + key + " = " + expected
                    + " for this run, found " + found);
        }
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
