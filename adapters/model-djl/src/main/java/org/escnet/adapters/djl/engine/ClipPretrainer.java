package org.escnet.adapters.djl.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.escnet.adapters.djl.clip.ClipImageNormalizer;
import org.escnet.adapters.djl.clip.ClipModel;
import org.escnet.adapters.djl.clip.ClipPromptTexts;
import org.escnet.adapters.djl.ops.OwnedArrays;
import org.escnet.adapters.djl.tokenizer.ClipTokenizer;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.data.SegmentationSample;

/**
 * Pre-trains both towers of a CLIP on a labelled data set, for presets that have no published CLIP (the tiny one):
 * ESC-Net reads CLIP's dense patch features through their cosine with the class texts, which is only informative once
 * the two towers agree on what the classes look like. Each patch's dense feature (the one ESC-Net correlates) is
 * scored against every class text of the vocabulary; the loss is the cross-entropy of that softmax against the share
 * of the patch's pixels in each class, over the labelled pixels. Every tower parameter is trained with AdamW, a
 * warm-up then a cosine decay, and global-norm clipping; the logit scale stays fixed.
 */
public final class ClipPretrainer implements AutoCloseable {

    /**
     * @param steps       optimizer steps
     * @param batchSize   images per step
     * @param lr          peak learning rate
     * @param warmup      linear warm-up steps
     * @param weightDecay decoupled decay of weight matrices (none on norms, biases and embeddings)
     * @param clipNorm    global gradient-norm limit
     * @param logitScale  fixed multiplier of the cosines before the softmax
     * @param seed        data order
     */
    public record Settings(int steps, int batchSize, double lr, int warmup, double weightDecay, double clipNorm,
                           double logitScale, long seed) {
        /** The recipe measured on ShapesWorld: 2,000 steps of 32 images at 2e-3. */
        public static final Settings DEFAULTS = new Settings(2_000, 32, 2e-3, 100, 1e-4, 1.0, 20, 0);

        public Settings {
            if (steps < 1 || batchSize < 1 || warmup < 0 || warmup >= steps) {
                throw new IllegalArgumentException("pre-training needs steps ≥ 1, batch ≥ 1 and 0 ≤ warm-up < steps, "
                        + "found steps " + steps + ", batch " + batchSize + ", warm-up " + warmup);
            }
            if (!(lr > 0) || !(logitScale > 0) || !(clipNorm > 0) || weightDecay < 0) {
                throw new IllegalArgumentException("learning rate, logit scale and clip norm must be positive and "
                        + "weight decay 0 or more, found " + lr + ", " + logitScale + ", " + clipNorm + ", "
                        + weightDecay);
            }
        }
    }

    /** One step: the mean loss and the share of labelled pixels whose patch's best-scoring class is its main one. */
    public record Step(long iteration, double loss, double patchAccuracy, double lrMultiplier) {
    }

    private final ClipModel clip;
    private final ClipTokenizer tokenizer;
    private final SegmentationDataset data;
    private final Settings settings;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final GroupedAdamW optimizer;
    private final LearningRateSchedule schedule;
    private final DataOrder order;
    private final int[][] vocabularyIds;
    private long iteration;

    /**
     * @param clip      an initialised CLIP; all its tower parameters are unfrozen and trained
     * @param tokenizer the tokenizer the CLIP reads texts with
     * @param data      images with label maps; its class names are the texts (in CAT-Seg's template)
     */
    public ClipPretrainer(ClipModel clip, ClipTokenizer tokenizer, SegmentationDataset data, Settings settings,
                          NDManager manager) {
        Engine.getInstance();
        JniUtils.setGradMode(false);
        this.clip = clip;
        this.tokenizer = tokenizer;
        this.data = data;
        this.settings = settings;
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
        Map<String, GroupedAdamW.Slot> slots = new LinkedHashMap<>();
        clip.parametersByHfName().forEach((name, p) -> {
            if (!name.equals("logit_scale")) {
                p.freeze(false);
                slots.put(name, new GroupedAdamW.Slot(p, settings.lr(), decays(name)));
            }
        });
        this.optimizer = GroupedAdamW.withSpecDefaults(slots, settings.weightDecay(), manager);
        this.schedule = new LearningRateSchedule(settings.steps(), settings.warmup());
        this.order = new DataOrder(settings.seed(), data.size());
        this.vocabularyIds = ids(data.classNames());
    }

    private static boolean decays(String name) {
        return name.endsWith(".weight") && !name.contains("norm") && !name.contains("embedding");
    }

    private int[][] ids(List<String> classNames) {
        return tokenizer.encodeAll(ClipPromptTexts.build(classNames), clip.config().contextLength());
    }

    public boolean finished() {
        return iteration >= settings.steps();
    }

    public long iteration() {
        return iteration;
    }

    /** One optimizer step over the next batch. */
    public Step step() {
        long i = iteration;
        double factor = schedule.factor(i);
        double loss;
        double accuracy;
        try (NDScope scope = new NDScope()) {
            List<SegmentationSample> samples = new ArrayList<>(settings.batchSize());
            for (int k = 0; k < settings.batchSize(); k++) {
                samples.add(data.sample(order.index(i * settings.batchSize() + k)));
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Scored scored = score(samples, vocabularyIds, data.classNames().size(), true);
                NDArray value = scored.targets().mul(scored.logits().logSoftmax(-1)).sum().neg()
                        .div(scored.targets().sum().clip(1e-6f, Float.MAX_VALUE));
                loss = value.getFloat();
                if (!Double.isFinite(loss)) {
                    throw new NonFiniteLossException(i, loss);
                }
                gc.backward(value);
                accuracy = scored.accuracy();
            }
            JniUtils.setGradMode(false);
            GlobalNormClipping.clip(optimizer.gradients(), settings.clipNorm());
            optimizer.step(i + 1, factor);
            scope.suppressNotUsedWarning();
        }
        iteration++;
        return new Step(i, loss, accuracy, factor);
    }

    /**
     * Zero-shot patch accuracy on a labelled set, against its own vocabulary: the share of labelled pixels whose
     * patch's best-scoring class is the patch's main class.
     */
    public double patchAccuracy(SegmentationDataset evaluation, int images) {
        int[][] ids = ids(evaluation.classNames());
        double hits = 0;
        int count = Math.min(images, evaluation.size());
        for (int start = 0; start < count; start += settings.batchSize()) {
            List<SegmentationSample> samples = new ArrayList<>();
            for (int k = start; k < Math.min(count, start + settings.batchSize()); k++) {
                samples.add(evaluation.sample(k));
            }
            try (NDScope scope = new NDScope()) {
                hits += score(samples, ids, evaluation.classNames().size(), false).accuracy() * samples.size();
                scope.suppressNotUsedWarning();
            }
        }
        return hits / count;
    }

    private record Scored(NDArray logits, NDArray targets, double accuracy) {
    }

    private Scored score(List<SegmentationSample> samples, int[][] ids, int classes, boolean training) {
        int grid = clip.config().grid();
        int side = clip.config().imageSize();
        NDArray images = ClipImageNormalizer.normalize(ImageTensors.batch(manager, samples, side));
        NDArray targets = OwnedArrays.of(manager, PatchTargets.of(samples, grid, classes),
                new Shape(samples.size(), (long) grid * grid, classes));
        NDArray patches = clip.vision().forwardDense(parameters, images, training).get(0);
        long width = patches.getShape().get(1);
        patches = patches.reshape(samples.size(), width, (long) grid * grid).transpose(0, 2, 1).normalize(2, -1);
        NDArray texts = clip.text().encode(parameters, OwnedArrays.of(manager, ids), training).normalize(2, -1);
        NDArray logits = patches.matMul(texts.transpose()).mul(settings.logitScale());
        NDArray weight = targets.sum(new int[] {2});
        NDArray hit = logits.argMax(-1).eq(targets.argMax(-1)).toType(DataType.FLOAT32, false);
        double labelled = weight.sum().getFloat();
        double accuracy = labelled > 0 ? hit.mul(weight).sum().getFloat() / labelled : 0;
        return new Scored(logits, targets, accuracy);
    }

    /**
     * Writes both towers and the logit scale in Hugging Face naming, the layout {@code ClipWeights.load} reads; the
     * file appears complete or not at all.
     */
    public void save(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        NDList tensors = new NDList();
        clip.parametersByHfName().forEach((name, p) -> {
            NDArray a = p.getArray();
            a.setName(name);
            tensors.add(a);
        });
        try (OutputStream out = Files.newOutputStream(partial)) {
            tensors.encode(out, NDList.Encoding.SAFETENSORS);
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
