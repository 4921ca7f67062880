package org.escnet.domain.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.escnet.domain.config.ConfigException;

/** Operations on configuration trees (nested maps): deep merge, dotted assignment, flattening. */
public final class ConfigTrees {
    private ConfigTrees() {
    }

    /** A copy of {@code base} with {@code override} merged in: maps merge key by key, anything else replaces. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> override) {
        Map<String, Object> out = deepCopy(base);
        for (Map.Entry<String, ?> e : override.entrySet()) {
            Object existing = out.get(e.getKey());
            if (existing instanceof Map<?, ?> em && e.getValue() instanceof Map<?, ?> om) {
                out.put(e.getKey(), merge((Map<String, ?>) em, (Map<String, ?>) om));
            } else {
                out.put(e.getKey(), deepCopyValue(e.getValue()));
            }
        }
        return out;
    }

    /** Sets {@code a.b.c = value} in a copy of {@code tree}, creating sections on the way. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> set(Map<String, ?> tree, String dottedKey, Object value) {
        Map<String, Object> out = deepCopy(tree);
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> node = out;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (!(child instanceof Map)) {
                if (child != null) {
                    throw new ConfigException(dottedKey, "'" + parts[i] + "' is a value, not a section");
                }
                child = new LinkedHashMap<String, Object>();
                node.put(parts[i], child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(parts[parts.length - 1], deepCopyValue(value));
        return out;
    }

    /** Reads {@code a.b.c}, or null when absent. */
    public static Object get(Map<String, ?> tree, String dottedKey) {
        Object node = tree;
        for (String part : dottedKey.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    /** Leaves as dotted keys → text (lists as their canonical JSON), sorted. */
    public static Map<String, String> flatten(Map<String, ?> tree) {
        Map<String, String> out = new TreeMap<>();
        flatten("", tree, out);
        return out;
    }

    private static void flatten(String prefix, Map<String, ?> tree, Map<String, String> out) {
        for (Map.Entry<String, ?> e : tree.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> m && !m.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, ?> sub = (Map<String, ?>) m;
                flatten(key, sub, out);
            } else if (e.getValue() instanceof List<?> || e.getValue() instanceof Map<?, ?>) {
                out.put(key, CanonicalJson.write(e.getValue()));
            } else if (e.getValue() != null) {
                out.put(key, String.valueOf(e.getValue()));
            }
        }
    }

    static Map<String, Object> deepCopy(Map<String, ?> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        tree.forEach((k, v) -> out.put(k, deepCopyValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ConfigTrees::deepCopyValue).collect(java.util.stream.Collectors.toList());
        }
        return v;
    }
}
