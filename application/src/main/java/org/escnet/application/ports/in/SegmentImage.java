package org.escnet.application.ports.in;

import java.util.List;

/**
 * Open-vocabulary segmentation of one image with a trained checkpoint or a preset: what the dashboard's Segment page
 * and the {@code escnet segment} command call. Implemented by the model adapter; when none is installed the caller says
 * that no model is available.
 */
public interface SegmentImage {

    /** The checkpoints and presets a request may name, most recent first. */
    List<ModelChoice> models();

    /**
     * Segments {@code request.image()} into {@code request.classNames()}. Bad input (an undecodable image, no class
     * names, an unknown model) fails with {@link IllegalArgumentException} naming what was expected and found.
     */
    Segmentation segment(Request request);

    /**
     * @param id    what a request names: a checkpoint's run id and step, or a preset name
     * @param label for people, e.g. "run 12 (step 4000, A-150 31.2 mIoU)"
     */
    record ModelChoice(String id, String label) {
    }

    /**
     * @param image      encoded image bytes (PNG or JPEG)
     * @param classNames the vocabulary, e.g. "red circle", "sky"; at least one
     * @param model      a {@link ModelChoice#id()}
     */
    record Request(byte[] image, List<String> classNames, String model) {
        public Request {
            if (image == null || image.length == 0) {
                throw new IllegalArgumentException("an image is required (PNG or JPEG bytes), found none");
            }
            classNames = classNames == null ? List.of()
                    : classNames.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
            if (classNames.isEmpty()) {
                throw new IllegalArgumentException("at least one class name is required, e.g. \"sky, road, car\"");
            }
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("a checkpoint or preset is required");
            }
        }
    }

    /**
     * @param overlayPng the image with each pixel tinted by its class colour (PNG)
     * @param width      image width in pixels
     * @param height     image height in pixels
     * @param areas      one entry per requested class, in request order, including classes with no pixels
     */
    record Segmentation(byte[] overlayPng, int width, int height, List<ClassArea> areas) {
    }

    /**
     * @param className the class as requested
     * @param colour    its overlay colour as {@code #rrggbb}
     * @param pixels    pixels labelled with it
     * @param fraction  pixels ÷ (width × height)
     */
    record ClassArea(String className, String colour, long pixels, double fraction) {
    }
}
