package org.escnet.adapters.djl.engine;

import java.util.List;
import org.escnet.domain.model.FusionForm;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.model.SamInit;

/** The escnet-tiny network with random SAM parts: the CPU-sized model of engine tests. */
final class TinySpecs {
    private TinySpecs() {
    }

    static ModelSpec escnetTiny() {
        ModelSpec d = ModelSpec.DEFAULTS;
        return new ModelSpec("escnet-tiny", "points+masks", SamInit.RANDOM, d.escBlocks(), d.vlfLayers(),
                List.of(0, 1, 0, 1), FusionForm.TIED_MEAN, d.corrEmbedKernel(), d.templates(), 256, d.ppg(),
                d.weights());
    }
}
