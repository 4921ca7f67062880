package org.escnet.adapters.djl.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.escnet.adapters.djl.escnet.Architecture;
import org.escnet.adapters.djl.escnet.EscNetFactory;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.adapters.djl.escnet.ParameterCounts;
import org.escnet.adapters.djl.escnet.ParameterGroups;
import org.escnet.domain.model.ModelSpec;

/**
 * What {@code escnet model summary --preset P [--classes N] [--json]} prints: parameters per module, trainable
 * parameters per learning-rate group, and analytic MACs per module for N classes (test-mode pooling, single view,
 * text included). Built from declared shapes: nothing is allocated.
 *
 * @param preset          the preset name
 * @param classes         N_c the MACs are counted for
 * @param totalParams     learnable parameters (constants excluded)
 * @param constants       values of constants kept with the weights (SAM's gaussian PE matrix)
 * @param trainableParams group name ("low", "high", "frozen") → parameters
 * @param macsTotal       sum of the module MACs
 * @param modules         per module: name, parameters, MACs
 */
public record ModelSummary(String preset, int classes, long totalParams, long constants,
                           Map<String, Long> trainableParams, long macsTotal, List<Module> modules) {

    /** One row of the summary. */
    public record Module(String name, long params, long macs) {
    }

    /** The default spec of a preset (spec defaults, prompts points+masks). */
    public static ModelSummary of(String preset, int classes) {
        ModelSpec d = ModelSpec.DEFAULTS;
        return of(new ModelSpec(preset, d.prompts(), d.samInit(), d.escBlocks(), d.vlfLayers(), d.samLayerOrder(),
                d.fusion(), d.corrEmbedKernel(), d.templates(), d.classCap(), d.ppg(), d.weights()), classes);
    }

    public static ModelSummary of(ModelSpec spec, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("--classes must be at least 1, found " + classes);
        }
        EscNetNetwork net = EscNetFactory.create(spec);
        Architecture a = net.architecture();
        ParameterGroups groups = ParameterGroups.of(net);
        Map<String, Long> trainable = new LinkedHashMap<>();
        for (ParameterGroups.Group g : ParameterGroups.Group.values()) {
            trainable.put(g.name().toLowerCase(Locale.ROOT), groups.count(g));
        }
        Map<String, Long> macs = MacCount.perModule(a, classes, false);
        List<Module> modules = new ArrayList<>();
        modules.add(new Module("clip.vision", ParameterCounts.learnable(net, "clip.vision."), macs.get("clip.vision")));
        modules.add(new Module("clip.text", ParameterCounts.learnable(net, "clip.")
                - ParameterCounts.learnable(net, "clip.vision."), macs.get("clip.text")));
        modules.add(new Module("stems", ParameterCounts.learnable(net, "stems."), macs.get("stems")));
        if (a.samBlocks() > 0) {
            modules.add(new Module("prompt_encoder", ParameterCounts.learnable(net, "prompt_encoder.")
                    + ParameterCounts.learnable(net, "output_tokens."), macs.get("prompt_encoder")));
            modules.add(new Module("sam_blocks", ParameterCounts.learnable(net, "sam_blocks."),
                    macs.get("sam_blocks")));
        }
        modules.add(new Module("guidance", ParameterCounts.learnable(net, "guidance."), macs.get("guidance")));
        modules.add(new Module("vlf", ParameterCounts.learnable(net, "vlf."), macs.get("vlf")));
        modules.add(new Module("decoder", ParameterCounts.learnable(net, "decoder."), macs.get("decoder")));
        return new ModelSummary(a.preset().name(), classes, ParameterCounts.learnable(net),
                ParameterCounts.constants(net), trainable, MacCount.total(macs), List.copyOf(modules));
    }

    /** The JSON object: total_params, trainable_params, macs_total, modules [{name, params, macs}], and context. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"preset\":\"").append(preset).append("\",\"classes\":").append(classes);
        sb.append(",\"total_params\":").append(totalParams).append(",\"constants\":").append(constants);
        sb.append(",\"trainable_params\":{");
        int i = 0;
        for (Map.Entry<String, Long> e : trainableParams.entrySet()) {
            sb.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":").append(e.getValue());
        }
        sb.append("},\"macs_total\":").append(macsTotal).append(",\"modules\":[");
        for (int j = 0; j < modules.size(); j++) {
            Module m = modules.get(j);
            sb.append(j > 0 ? "," : "").append("{\"name\":\"").append(m.name()).append("\",\"params\":")
                    .append(m.params()).append(",\"macs\":").append(m.macs()).append('}');
        }
        return sb.append("]}").toString();
    }

    /** A text table with one row per module and the totals. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, %d classes (single view, text included, test-mode pooling)%n",
                preset, classes));
        sb.append(String.format(Locale.ROOT, "%-16s %15s %12s%n", "module", "params", "GMAC"));
        for (Module m : modules) {
            sb.append(String.format(Locale.ROOT, "%-16s %,15d %12.1f%n", m.name(), m.params(), m.macs() / 1e9));
        }
        sb.append(String.format(Locale.ROOT, "%-16s %,15d %12.1f%n", "total", totalParams, macsTotal / 1e9));
        trainableParams.forEach((g, n) -> sb.append(String.format(Locale.ROOT, "  %-14s %,15d%n",
                "lr group " + g, n)));
        if (constants > 0) {
            sb.append(String.format(Locale.ROOT, "  %-14s %,15d%n", "constants", constants));
        }
        return sb.toString();
    }
}
