package org.escnet.adapters.djl.escnet;

import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.escnet.adapters.djl.clip.ClipResidualBlock;
import org.escnet.adapters.djl.ops.ParameterPaths;

/**
 * The training view of a network (ESC-NET-SPEC §3.2–3.3): every parameter by dotted name in one group — {@code low}
 * (CLIP q/v projection weights of both towers and all SAM-initialised parts, LR 2e-6), {@code high} (everything else
 * that trains, LR 2e-4), {@code frozen} — plus a no-weight-decay flag for norms and embeddings.
 *
 * <p>Parameters that can receive no gradient are frozen rather than left to weight decay alone: the q projection of
 * the last vision block (its dense mode uses only v), SAM's negative-point embedding (pseudo prompts label points 1
 * or -1), the no-mask embedding when the strategy gives masks, and the box-corner embeddings when it gives no boxes.
 */
public final class ParameterGroups {
    /** The three groups. */
    public enum Group { LOW, HIGH, FROZEN }

    private final Map<String, Parameter> byName;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Set<Parameter> buffers = Collections.newSetFromMap(new IdentityHashMap<>());

    private ParameterGroups(EscNetNetwork network, boolean usesMasks, boolean usesBoxes) {
        byName = ParameterPaths.of(network);
        Set<Parameter> low = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Parameter> frozen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ClipResidualBlock> visionLayers = network.clip().vision().layers();
        low.addAll(network.clip().trainableQv());
        frozen.add(visionLayers.get(visionLayers.size() - 1).trainableQv().get(0));
        for (Map.Entry<String, Parameter> e : byName.entrySet()) {
            String n = e.getKey();
            Parameter p = e.getValue();
            if (ParameterPaths.isBuffer(network, p)) {
                buffers.add(p);
                frozen.add(p);
            } else if (n.startsWith("clip.") && !low.contains(p)) {
                frozen.add(p);
            } else if (n.startsWith("prompt_encoder.") || n.startsWith("output_tokens.")
                    || (n.startsWith("sam_blocks.") && n.contains(".block."))) {
                low.add(p);
            }
        }
        for (Map.Entry<String, Parameter> e : byName.entrySet()) {
            String n = e.getKey();
            boolean unreachable = n.startsWith("prompt_encoder.point_embeddings.0.")
                    || (usesMasks && n.startsWith("prompt_encoder.no_mask_embed."))
                    || (!usesMasks && n.startsWith("prompt_encoder.mask_downscaling."))
                    || (!usesBoxes && (n.startsWith("prompt_encoder.point_embeddings.2.")
                    || n.startsWith("prompt_encoder.point_embeddings.3.")));
            Parameter p = e.getValue();
            Group g = frozen.contains(p) || unreachable ? Group.FROZEN : low.contains(p) ? Group.LOW : Group.HIGH;
            groups.put(n, g);
        }
    }

    /**
     * Groups for a network whose prompt strategy produces masks and/or boxes ({@code points+masks}: masks only).
     */
    public static ParameterGroups of(EscNetNetwork network, boolean usesMasks, boolean usesBoxes) {
        return new ParameterGroups(network, usesMasks, usesBoxes);
    }

    /** Groups for the prompt strategy named in the network's architecture ("+"-joined names). */
    public static ParameterGroups of(EscNetNetwork network) {
        List<String> parts = List.of(network.architecture().prompts().split("\\+"));
        return of(network, parts.contains("masks"), parts.contains("boxes"));
    }

    /** Freezes the FROZEN group and unfreezes the rest: call once before creating the trainer. */
    public ParameterGroups applyFreezing() {
        groups.forEach((n, g) -> byName.get(n).freeze(g == Group.FROZEN));
        return this;
    }

    public Group groupOf(String name) {
        Group g = groups.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'");
        }
        return g;
    }

    /** Parameter names of one group, in network order. */
    public List<String> names(Group group) {
        List<String> out = new ArrayList<>();
        groups.forEach((n, g) -> {
            if (g == group) {
                out.add(n);
            }
        });
        return out;
    }

    /** Parameters of one group. */
    public List<Parameter> parameters(Group group) {
        return names(group).stream().map(byName::get).toList();
    }

    /** Ids of one group (DJL's learning-rate trackers receive parameter ids, not names). */
    public Set<String> ids(Group group) {
        Set<String> ids = new java.util.HashSet<>();
        parameters(group).forEach(p -> ids.add(p.getId()));
        return ids;
    }

    /** Values in a group, counted from the declared shapes (constants excluded). */
    public long count(Group group) {
        return parameters(group).stream().filter(p -> !buffers.contains(p)).mapToLong(p -> p.getShape().size()).sum();
    }

    /** True for LayerNorm/GroupNorm gains and biases and for embedding tables (CAT-Seg: weight decay 0). */
    public boolean noWeightDecay(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'");
        }
        return p.getType() == Parameter.Type.GAMMA || p.getType() == Parameter.Type.BETA
                || name.contains("embed") || name.contains("token") || name.contains("positional")
                || name.contains("pad_");
    }

    /** All parameters by dotted name. */
    public Map<String, Parameter> byName() {
        return Collections.unmodifiableMap(byName);
    }
}
