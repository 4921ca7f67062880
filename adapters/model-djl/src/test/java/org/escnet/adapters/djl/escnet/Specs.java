package org.escnet.adapters.djl.escnet;

import java.util.List;
import org.escnet.domain.model.FusionForm;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.model.SamInit;

/** Model specs for tests: a preset with the defaults, optionally another SAM init, prompts or class cap. */
final class Specs {
    private Specs() {
    }

    /** The preset at its own defaults (SAM init pretrained for ESC-Net, none for CAT-Seg). */
    static ModelSpec of(String preset) {
        return of(preset, null, "points+masks", 256);
    }

    static ModelSpec of(String preset, SamInit init, String prompts, int classCap) {
        ModelSpec d = ModelSpec.DEFAULTS;
        return new ModelSpec(preset, prompts, init, d.escBlocks(), d.vlfLayers(), List.of(0, 1, 0, 1),
                FusionForm.TIED_MEAN, d.corrEmbedKernel(), d.templates(), classCap, d.ppg(), d.weights());
    }
}
