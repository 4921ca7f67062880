package org.escnet.adapters.mlflow;

/**
 * What an MLflow 2.x tracking server accepts: request limits of {@code runs/log-batch}, key syntax and value lengths.
 * Keys are mapped rather than rejected so that one odd config key never blocks a whole run's mirror.
 */
public final class MlflowLimits {
    public static final int MAX_METRICS_PER_BATCH = 1000;
    public static final int MAX_PARAMS_PER_BATCH = 100;
    public static final int MAX_TAGS_PER_BATCH = 100;
    /** Metrics, params and tags together in one log-batch request. */
    public static final int MAX_ENTITIES_PER_BATCH = 1000;
    /** The server refuses log-batch bodies above 1 MB; this leaves room for JSON syntax. */
    public static final int MAX_BATCH_CHARS = 900_000;
    public static final int MAX_KEY_LENGTH = 250;
    public static final int MAX_PARAM_VALUE_LENGTH = 6000;
    /** 8000 since MLflow 2.x, 5000 before; the smaller one works with both. */
    public static final int MAX_TAG_VALUE_LENGTH = 5000;
    public static final String TRUNCATION_MARKER = "...[truncated]";

    private MlflowLimits() {
    }

    /**
     * A key MLflow accepts: ASCII letters, digits, {@code _ - . space /}; no empty, {@code .} or {@code ..} path
     * segments and no leading or trailing slash (the server rejects keys that are not normalised paths); at most
     * 250 characters. Any other character becomes {@code _}.
     */
    public static String key(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "_";
        }
        StringBuilder mapped = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.' || c == ' ' || c == '/';
            mapped.append(allowed ? c : '_');
        }
        String normalised = normalisePath(mapped.toString());
        if (normalised.length() > MAX_KEY_LENGTH) {
            normalised = normalisePath(normalised.substring(0, MAX_KEY_LENGTH));
        }
        return normalised;
    }

    public static String paramValue(String value) {
        return truncate(value == null ? "" : value, MAX_PARAM_VALUE_LENGTH);
    }

    public static String tagValue(String value) {
        return truncate(value == null ? "" : value, MAX_TAG_VALUE_LENGTH);
    }

    /** At most {@code max} characters; a cut value ends with {@link #TRUNCATION_MARKER} so nobody mistakes it. */
    static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int keep = max - TRUNCATION_MARKER.length();
        if (Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--;
        }
        return value.substring(0, keep) + TRUNCATION_MARKER;
    }

    private static String normalisePath(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (String segment : key.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(segment.equals(".") ? "_" : segment.equals("..") ? "__" : segment);
        }
        return out.isEmpty() ? "_" : out.toString();
    }
}
