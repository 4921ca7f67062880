package org.escnet.adapters.djl.escnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.escnet.adapters.djl.clip.ClipPromptTexts;
import org.escnet.adapters.djl.clip.ClipTextTransformer;
import org.escnet.adapters.djl.ops.OwnedArrays;
import org.escnet.adapters.djl.tokenizer.ClipTokenizer;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.TextEncoder;
import org.escnet.domain.model.TextFeatures;

/** The CLIP text tower as ESC-Net's {@link TextEncoder}: templates, tokenizer, encoder, L2 normalisation. */
public final class ClipTextEncoder implements TextEncoder {
    private final ClipTextTransformer text;
    private final ClipTokenizer tokenizer;
    private final List<String> templates;

    public ClipTextEncoder(ClipTextTransformer text, ClipTokenizer tokenizer, List<String> templates) {
        this.text = text;
        this.tokenizer = tokenizer;
        this.templates = List.copyOf(templates);
    }

    @Override
    public TextFeatures encode(ForwardPass pass, NDManager manager, List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("the vocabulary is empty: give at least one class name");
        }
        List<String> texts = ClipPromptTexts.build(classNames, templates);
        int[][] rows = tokenizer.encodeAll(texts, text.config().contextLength());
        NDArray ids = OwnedArrays.of(manager, rows);
        NDArray features = text.encode(pass.parameters(), ids, pass.training()).normalize(2, -1);
        return new TextFeatures(features.reshape(classNames.size(), templates.size(), -1));
    }
}
