package org.escnet.adapters.djl.clip;

import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.escnet.adapters.djl.weights.InMemoryTensorSource;
import org.escnet.adapters.djl.weights.NamedParameterCopier;
import org.escnet.adapters.djl.weights.NamedParameterCopier.CopyReport;
import org.escnet.adapters.djl.weights.SafetensorsFile;
import org.escnet.adapters.djl.weights.TensorSource;
import org.escnet.adapters.djl.weights.WeightLayout;

/**
 * Loads CLIP checkpoints (Hugging Face {@code CLIPModel} or OpenAI naming) into initialised CLIP blocks. Every
 * missing, unexpected or mis-shaped tensor is reported at once with expected and found shapes.
 */
public final class ClipWeights {

    /** Bookkeeping entries of OpenAI and HF files that carry no weights. */
    private static final Set<String> NON_WEIGHTS = Set.of("input_resolution", "context_length", "vocab_size",
            "text_model.embeddings.position_ids", "vision_model.embeddings.position_ids");

    private ClipWeights() {
    }

    /**
     * Opens a safetensors file, detects its layout and loads both towers and the logit scale.
     *
     * @throws IllegalArgumentException when the file is not a CLIP checkpoint
     */
    public static CopyReport load(ClipModel model, Path safetensors) {
        try (SafetensorsFile file = SafetensorsFile.open(safetensors)) {
            return load(model, file, detectClip(file));
        }
    }

    /** Loads both towers and {@code logit_scale}; nothing in the source may stay unused except bookkeeping. */
    public static CopyReport load(ClipModel model, TensorSource source, WeightLayout layout) {
        return copy(model.parametersByHfName(), source, layout, NON_WEIGHTS::contains, model.config());
    }

    /** Loads the image tower only; text tensors and {@code logit_scale} are skipped. */
    public static CopyReport loadVision(ClipVisionTransformer vision, TensorSource source, WeightLayout layout) {
        Predicate<String> otherTower = n -> n.startsWith("text_model.") || n.equals("text_projection.weight")
                || n.equals("logit_scale");
        return copy(vision.parametersByHfName(), source, layout, otherTower.or(NON_WEIGHTS::contains),
                vision.config());
    }

    /** Loads the text tower only; image tensors and {@code logit_scale} are skipped. */
    public static CopyReport loadText(ClipTextTransformer text, TensorSource source, WeightLayout layout) {
        Predicate<String> otherTower = n -> n.startsWith("vision_model.") || n.equals("visual_projection.weight")
                || n.equals("logit_scale");
        return copy(text.parametersByHfName(), source, layout, otherTower.or(NON_WEIGHTS::contains), text.config());
    }

    private static CopyReport copy(Map<String, Parameter> targets, TensorSource source, WeightLayout layout,
                                   Predicate<String> ignorable, ClipConfig config) {
        TensorSource hfNamed = switch (layout) {
            case CLIP_HF -> logitScaleAsVector(source);
            case CLIP_OPENAI -> logitScaleAsVector(OpenAiClipNames.asHuggingFace(source));
            default -> throw new IllegalArgumentException("cannot load CLIP weights from layout " + layout.id()
                    + " (" + source.description() + "): expected clip-hf or clip-openai");
        };
        WeightLayout detected = WeightLayout.detect(source.names());
        String hint = detected != layout && detected != WeightLayout.UNKNOWN
                ? "the source looks like layout " + detected.id() + ", not " + layout.id() + ": load it as "
                        + detected.id()
                : "check that the file is a CLIP checkpoint of preset " + config.name() + " (width "
                        + config.visionWidth() + ", " + config.visionLayers() + " vision blocks, patch "
                        + config.patchSize() + ")";
        return NamedParameterCopier.copy(targets, hfNamed, ignorable, "CLIP preset " + config.name(), hint);
    }

    /** Checkpoints store logit_scale as a scalar []; the block holds it as [1]. */
    private static TensorSource logitScaleAsVector(TensorSource source) {
        if (!source.contains("logit_scale") || source.shape("logit_scale").length != 0) {
            return source;
        }
        InMemoryTensorSource.Builder view = InMemoryTensorSource.builder(source.description());
        for (String name : source.names()) {
            if (name.equals("logit_scale")) {
                view.putLazy(name, new long[] {1}, () -> source.read(name).reshape(1));
            } else {
                view.putLazy(name, source.shape(name), () -> source.read(name));
            }
        }
        return view.build();
    }

    private static WeightLayout detectClip(SafetensorsFile file) {
        WeightLayout layout = WeightLayout.detect(file.names());
        if (layout != WeightLayout.CLIP_HF && layout != WeightLayout.CLIP_OPENAI) {
            throw new IllegalArgumentException(file.path() + " is not a CLIP checkpoint: its tensor names look like "
                    + "layout " + layout.id() + ", expected clip-hf or clip-openai");
        }
        return layout;
    }
}
