package org.escnet.adapters.djl.inference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.escnet.application.ports.in.SegmentImage;

/**
 * The {@link SegmentImage} port on DJL: the models are the runs' latest checkpoints and the presets
 * ({@link ModelChoices}); a request is segmented by {@link ImageSegmentation}, which keeps the last networks loaded.
 */
@ApplicationScoped
public class DjlSegmentImage implements SegmentImage {
    private final ModelChoices choices;
    private final ImageSegmentation segmentation;

    @Inject
    public DjlSegmentImage(SegmentationSettings settings) {
        this.choices = new ModelChoices(settings.runsDir());
        this.segmentation = new ImageSegmentation(settings);
    }

    @Override
    public List<ModelChoice> models() {
        return choices.list();
    }

    @Override
    public Segmentation segment(Request request) {
        return segmentation.segment(choices.resolve(request.model()), request.image(), request.classNames());
    }

    @PreDestroy
    void close() {
        segmentation.close();
    }
}
