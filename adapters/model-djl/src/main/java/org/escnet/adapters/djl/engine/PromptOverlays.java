package org.escnet.adapters.djl.engine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Set;

/**
 * Draws one image's pseudo prompts as transparent pictures of the image's size, each class in its
 * {@link ClassPalette} colour: the points as small dots, the mask prompts as a tint.
 */
final class PromptOverlays {
    /** Opacity of the mask tint: the image must stay readable underneath. */
    private static final int MASK_ALPHA = 0x70;

    private PromptOverlays() {
    }

    /** The point prompts of the rows whose class is in {@code classes}, at the centre of their grid cells. */
    static BufferedImage points(PromptSnapshot prompts, Set<Integer> classes, int width, int height) {
        if (!prompts.hasPoints()) {
            throw new IllegalArgumentException("these prompts have no points: draw them only when hasPoints()");
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(1f));
            int radius = Math.max(2, Math.round(Math.min(width, height) / 48f));
            int k = prompts.pointsPerRow();
            for (int row = 0; row < prompts.rows(); row++) {
                if (!classes.contains(prompts.classes()[row])) {
                    continue;
                }
                Color colour = new Color(ClassPalette.rgb(prompts.classes()[row]));
                for (int j = 0; j < k; j++) {
                    if (prompts.pointLabels()[row * k + j] <= 0) {
                        continue; // an empty cluster's placeholder point
                    }
                    float gx = prompts.points()[(row * k + j) * 2];
                    float gy = prompts.points()[(row * k + j) * 2 + 1];
                    int cx = Math.round((gx + 0.5f) * width / prompts.grid());
                    int cy = Math.round((gy + 0.5f) * height / prompts.grid());
                    g.setColor(colour);
                    g.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
                    g.setColor(Color.BLACK); // an outline keeps dots visible on a background of their own colour
                    g.drawOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The mask prompts of the rows whose class is in {@code classes}, nearest-resized to the image. */
    static BufferedImage masks(PromptSnapshot prompts, Set<Integer> classes, int width, int height) {
        if (!prompts.hasMasks()) {
            throw new IllegalArgumentException("these prompts have no masks: draw them only when hasMasks()");
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int side = prompts.maskSide();
        int cells = side * side;
        for (int row = 0; row < prompts.rows(); row++) {
            int cls = prompts.classes()[row];
            if (!classes.contains(cls)) {
                continue;
            }
            int argb = MASK_ALPHA << 24 | ClassPalette.rgb(cls);
            for (int y = 0; y < height; y++) {
                int my = y * side / height;
                for (int x = 0; x < width; x++) {
                    if (prompts.masks()[row * cells + my * side + x * side / width]) {
                        out.setRGB(x, y, argb);
                    }
                }
            }
        }
        return out;
    }
}
