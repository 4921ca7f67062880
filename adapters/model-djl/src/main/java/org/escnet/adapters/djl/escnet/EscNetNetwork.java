package org.escnet.adapters.djl.escnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.escnet.adapters.djl.clip.ClipConfig;
import org.escnet.adapters.djl.clip.ClipModel;
import org.escnet.adapters.djl.decoder.UpsamplingDecoder;
import org.escnet.adapters.djl.ops.NamedGroup;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.adapters.djl.sam.SamOutputTokens;
import org.escnet.adapters.djl.sam.SamPromptEncoder;
import org.escnet.adapters.djl.sam.SamSpatialAggregator;
import org.escnet.adapters.djl.sam.SamTwoWayBlock;
import org.escnet.adapters.djl.tokenizer.ClipTokenizer;
import org.escnet.adapters.djl.vlf.ConvGuidance;
import org.escnet.adapters.djl.vlf.VlfLayer;
import org.escnet.domain.model.EscBlock;
import org.escnet.domain.model.EscNet;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.model.Segmentation;
import org.escnet.domain.model.TextFeatures;
import org.escnet.domain.prompts.PromptStrategies;
import org.escnet.domain.prompts.PromptStrategy;

/**
 * The DJL block that owns every parameter of one ESC-Net (or CAT-Seg) network and runs the domain {@link EscNet}
 * composed from its parts. Parameter paths: {@code clip.*}, {@code stems.*}, {@code prompt_encoder.*},
 * {@code output_tokens.*}, {@code sam_blocks.<i>.block.*} / {@code .fusion.*}, {@code guidance.<i>.*},
 * {@code vlf.<i>.*}, {@code decoder.*}.
 */
public final class EscNetNetwork extends ShapedBlock {
    private final ModelSpec spec;
    private final Architecture architecture;
    private final ClipModel clip;
    private final CorrelationStems stems;
    private final SamPromptEncoder promptEncoder;
    private final SamOutputTokens outputTokens;
    private final List<SamSpatialAggregator> samBlocks = new ArrayList<>();
    private final List<VlfLayer> vlfLayers = new ArrayList<>();
    private final UpsamplingDecoder decoder;
    private final EscNet net;

    /** @param spec what the network is built from; checkpoints record it so they can be loaded alone */
    public EscNetNetwork(ModelSpec spec, ClipTokenizer tokenizer) {
        this.spec = spec;
        this.architecture = Architecture.resolve(spec);
        NetworkPreset preset = architecture.preset();
        ClipConfig c = preset.clip();
        clip = addChildBlock("clip", new ClipModel(c));
        int p = architecture.templates().size();
        stems = addChildBlock("stems", new CorrelationStems(p, c.projectionDim(), preset.hidden(),
                architecture.corrKernel(), preset.samHead()));
        boolean sam = architecture.samBlocks() > 0;
        promptEncoder = sam ? addChildBlock("prompt_encoder", new SamPromptEncoder()) : null;
        outputTokens = sam ? addChildBlock("output_tokens", new SamOutputTokens()) : null;
        NamedGroup samGroup = addChildBlock("sam_blocks", new NamedGroup());
        NamedGroup guidanceGroup = addChildBlock("guidance", new NamedGroup());
        NamedGroup vlfGroup = addChildBlock("vlf", new NamedGroup());
        List<EscBlock> stages = new ArrayList<>();
        boolean firstGuidance = true;
        for (int i = 0; i < architecture.stages(); i++) {
            SamSpatialAggregator spatial = null;
            if (architecture.hasSam(i)) {
                spatial = samGroup.add(Integer.toString(i),
                        new SamSpatialAggregator(architecture.layerOrder().get(i) == 0, outputTokens));
                samBlocks.add(spatial);
            }
            ConvGuidance guidance = null;
            VlfLayer vlf = null;
            if (architecture.hasVlf(i)) {
                // ESC-Net projects each refined X_i; CAT-Seg projects the CLIP features once and shares it
                if (preset.samHead() || firstGuidance) {
                    int in = preset.samHead() ? SamTwoWayBlock.DIM : c.projectionDim();
                    guidance = guidanceGroup.add(Integer.toString(i), new ConvGuidance(in, preset.hidden()));
                    firstGuidance = false;
                }
                vlf = vlfGroup.add(Integer.toString(i), new VlfLayer(preset.hidden(), preset.hidden(),
                        preset.hidden(), preset.heads(), c.grid(), preset.window(), preset.padLength(),
                        preset.trainingPool()));
                vlfLayers.add(vlf);
            }
            stages.add(new EscBlock(spatial, guidance, vlf));
        }
        decoder = addChildBlock("decoder", new UpsamplingDecoder(c.visionWidth(), preset.hidden()));
        PromptStrategy strategy = sam ? PromptStrategies.byName(architecture.prompts()) : null;
        net = new EscNet(new ClipVisionEncoder(clip.vision()),
                new ClipTextEncoder(clip.text(), tokenizer, architecture.templates()), stems, strategy,
                architecture.ppg(), promptEncoder, stages, decoder, architecture.classCap());
    }

    public ModelSpec spec() {
        return spec;
    }

    public Architecture architecture() {
        return architecture;
    }

    public EscNet net() {
        return net;
    }

    public ClipModel clip() {
        return clip;
    }

    /** Null without SAM parts. */
    public SamPromptEncoder promptEncoder() {
        return promptEncoder;
    }

    /** Null without SAM parts. */
    public SamOutputTokens outputTokens() {
        return outputTokens;
    }

    public List<SamSpatialAggregator> samBlocks() {
        return List.copyOf(samBlocks);
    }

    public List<VlfLayer> vlfLayers() {
        return List.copyOf(vlfLayers);
    }

    public UpsamplingDecoder decoder() {
        return decoder;
    }

    /** images (B, 3, H, W) RGB 0..255, N_c names → logits (B, N_c, 4g, 4g). */
    public Segmentation segment(ForwardPass pass, NDArray images, List<String> classNames) {
        return net.segment(pass, images, classNames);
    }

    /** images (B, 3, H, W), cached F_l (N_c, P, E) → logits (B, N_c, 4g, 4g). */
    public Segmentation segment(ForwardPass pass, NDArray images, TextFeatures text) {
        return net.segment(pass, images, text);
    }

    /** NDList(images (B, 3, H, W), F_l (N_c, P, E)) → NDList(logits (B, N_c, 4g, 4g)); all classes in one chunk. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        ForwardPass pass = new ForwardPass(ps, training, 0);
        return new NDList(net.segment(pass, inputs.get(0), new TextFeatures(inputs.get(1))).logits());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        clip.initialize(manager, dataType, clip.exampleInputShapes());
        for (var child : getChildren().values()) {
            if (child != clip) {
                child.initialize(manager, dataType, inputShapes);
            }
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        int side = 4 * architecture.preset().grid();
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[1].get(0), side, side)};
    }
}
