package org.escnet.adapters.djl.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (torch.optim.AdamW: decoupled weight decay, bias-corrected moments) over named parameters, each with its own
 * base learning rate (the low/high groups) and its own weight-decay switch (0 for norms and embeddings).
 *
 * <p>It keeps the first and second moments itself, by parameter name, rather than through DJL's optimizers, whose
 * state cannot be read or written: a checkpoint must carry them for a resumed run to continue exactly. The moments
 * live on their own manager and are detached from any open {@link NDScope}, so a per-iteration scope never closes them.
 */
public final class GroupedAdamW implements AutoCloseable {
    private static final String FIRST = "m:";
    private static final String SECOND = "v:";

    /** One trained parameter: where its values are, its base learning rate and whether it decays. */
    public record Slot(Parameter parameter, double learningRate, boolean decays) {
    }

    private final Map<String, Slot> slots;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final NDManager stateManager;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();

    /**
     * @param slots       parameters by name, in a stable order
     * @param weightDecay decoupled decay applied as {@code w -= lr·wd·w} to the slots that decay
     * @param manager     parent of the manager that will hold the moments
     */
    public GroupedAdamW(Map<String, Slot> slots, double beta1, double beta2, double eps, double weightDecay,
                        NDManager manager) {
        this.slots = new LinkedHashMap<>(slots);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.stateManager = manager.newSubManager();
    }

    /** β = (0.9, 0.999), eps 1e-8 (ESC-NET-SPEC §3.3). */
    public static GroupedAdamW withSpecDefaults(Map<String, Slot> slots, double weightDecay, NDManager manager) {
        return new GroupedAdamW(slots, 0.9, 0.999, 1e-8, weightDecay, manager);
    }

    /** Names of the parameters this optimizer updates. */
    public List<String> names() {
        return List.copyOf(slots.keySet());
    }

    /** The gradients of all updated parameters that received one (for clipping). */
    public List<NDArray> gradients() {
        return slots.values().stream().map(s -> s.parameter().getArray()).filter(NDArray::hasGradient)
                .map(NDArray::getGradient).toList();
    }

    /**
     * One update of every parameter with a gradient, then its gradient is zeroed (gradients accumulate over backward
     * calls otherwise). Call with grad mode off, inside the iteration's scope.
     *
     * @param step         1-based step count t (bias correction)
     * @param lrMultiplier the schedule's factor for this step
     */
    public void step(long step, double lrMultiplier) {
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2 = 1 - Math.pow(beta2, step);
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            NDArray weight = e.getValue().parameter().getArray();
            if (!weight.hasGradient()) {
                continue;
            }
            double lr = e.getValue().learningRate() * lrMultiplier;
            NDArray grad = weight.getGradient();
            NDArray m = moment(firstMoments, e.getKey(), weight);
            NDArray v = moment(secondMoments, e.getKey(), weight);
            m.muli(beta1).addi(grad.mul(1 - beta1));
            v.muli(beta2).addi(grad.square().muli(1 - beta2));
            if (e.getValue().decays() && weightDecay > 0) {
                weight.muli(1 - lr * weightDecay);
            }
            NDArray denom = v.sqrt().divi(Math.sqrt(bc2)).addi(eps);
            weight.subi(m.div(denom).muli(lr / bc1));
            grad.muli(0);
        }
    }

    /** Names of the updated parameters whose accumulated gradient holds a NaN or an infinity, in slot order. */
    public List<String> nonFiniteGradients() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            NDArray weight = e.getValue().parameter().getArray();
            if (weight.hasGradient()) {
                NDArray g = weight.getGradient();
                if (g.isNaN().logicalOr(g.isInfinite()).any().getBoolean()) {
                    names.add(e.getKey());
                }
            }
        }
        return names;
    }

    /** Discards the accumulated gradients without updating (a step whose gradient was not finite). */
    public void zeroGradients() {
        for (NDArray g : gradients()) {
            g.muli(0);
        }
    }

    private NDArray moment(Map<String, NDArray> moments, String name, NDArray like) {
        NDArray m = moments.get(name);
        if (m == null) {
            m = stateManager.zeros(like.getShape(), like.getDataType(), like.getDevice());
            NDScope.unregister(m);
            moments.put(name, m);
        }
        return m;
    }

    /** Writes the moments as a safetensors file ({@code m:<name>}, {@code v:<name>}); nothing before the first step. */
    public void save(OutputStream out) throws IOException {
        if (firstMoments.isEmpty()) {
            return;
        }
        NDList list = new NDList();
        firstMoments.forEach((n, a) -> list.add(named(a, FIRST + n)));
        secondMoments.forEach((n, a) -> list.add(named(a, SECOND + n)));
        list.encode(out, NDList.Encoding.SAFETENSORS);
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    /** Replaces the moments with those saved by {@link #save}; names must match this optimizer's parameters. */
    public void load(InputStream in) throws IOException {
        clearMoments();
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return; // saved before the first step
        }
        NDList list = NDList.decode(stateManager, bytes);
        NDScope.unregister(list);
        for (NDArray a : list) {
            String name = a.getName();
            Map<String, NDArray> target = name.startsWith(FIRST) ? firstMoments
                    : name.startsWith(SECOND) ? secondMoments : null;
            String param = name.substring(2);
            if (target == null || !slots.containsKey(param)) {
                throw new IllegalStateException("optimizer state holds '" + name
                        + "', which is no trained parameter of this network: expected m:/v: and one of "
                        + slots.size() + " trained parameter names");
            }
            NDArray weight = slots.get(param).parameter().getArray();
            if (!weight.getShape().equals(a.getShape())) {
                throw new IllegalStateException("optimizer state '" + name + "' has shape " + a.getShape()
                        + ", the parameter has " + weight.getShape());
            }
            target.put(param, a);
        }
    }

    /** Frees the moments and their manager. */
    @Override
    public void close() {
        clearMoments();
        stateManager.close();
    }

    private void clearMoments() {
        firstMoments.values().forEach(NDArray::close);
        secondMoments.values().forEach(NDArray::close);
        firstMoments.clear();
        secondMoments.clear();
    }
}
