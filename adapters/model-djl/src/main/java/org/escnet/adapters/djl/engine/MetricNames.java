package org.escnet.adapters.djl.engine;

/** Metric keys built from class names, kept within what MLflow accepts (letters, digits, _ - . space /, ≤ 250). */
final class MetricNames {
    private MetricNames() {
    }

    static String classIoU(String benchmark, String className) {
        String safe = className.replaceAll("[^A-Za-z0-9_\\-. ]", "_");
        String key = "eval/" + benchmark + "/IoU/" + safe;
        return key.length() <= 250 ? key : key.substring(0, 250);
    }
}
