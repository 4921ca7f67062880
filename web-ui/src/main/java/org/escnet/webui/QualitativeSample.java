package org.escnet.webui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.escnet.application.ports.out.ArtifactRecord;

/**
 * One qualitative example of a run: artifacts under {@code qualitative/<benchmark>/<index>/}. The image, ground truth
 * and prediction are shown side by side; every other PNG of the folder ({@code points.png}, {@code masks.png}, or per
 * class {@code points-<class>.png}) is an overlay the viewer toggles on the image.
 */
public record QualitativeSample(String benchmark, String index, String image, String truth, String prediction,
                                List<Overlay> overlays) {

    /** An overlay layer: its name and its URL. */
    public record Overlay(String name, String url, String id) {
    }

    static List<QualitativeSample> from(long runId, List<ArtifactRecord> artifacts) {
        Map<String, Map<String, String>> byFolder = new TreeMap<>();
        for (ArtifactRecord a : artifacts) {
            String[] parts = a.path().split("/");
            if (parts.length != 4 || !parts[0].equals("qualitative") || !parts[3].endsWith(".png")) {
                continue;
            }
            String layer = parts[3].substring(0, parts[3].length() - ".png".length());
            byFolder.computeIfAbsent(parts[1] + "/" + parts[2], k -> new TreeMap<>())
                    .put(layer, "/runs/" + runId + "/artifacts/" + a.path());
        }
        List<QualitativeSample> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Map<String, String>> e : byFolder.entrySet()) {
            String[] key = e.getKey().split("/");
            Map<String, String> layers = new TreeMap<>(e.getValue());
            String image = layers.remove("image");
            String truth = layers.remove("truth");
            String prediction = layers.remove("prediction");
            List<Overlay> overlays = new ArrayList<>();
            for (Map.Entry<String, String> l : layers.entrySet()) {
                overlays.add(new Overlay(l.getKey(), l.getValue(), "ov-" + n + "-" + overlays.size()));
            }
            out.add(new QualitativeSample(key[0], key[1], image == null ? "" : image, truth == null ? "" : truth,
                    prediction == null ? "" : prediction, overlays));
            n++;
        }
        return out;
    }
}
