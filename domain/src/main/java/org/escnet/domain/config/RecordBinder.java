package org.escnet.domain.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Binds configuration trees (maps of kebab-case keys to scalars, lists and maps, as parsed from YAML or JSON) to
 * immutable records, and back.
 *
 * <p>Why a binder of our own rather than a JSON library: the domain stays free of frameworks, and the rules users rely
 * on are spelled out here once: every key must be a record component (unknown keys are errors that list the accepted
 * ones), every absent key takes its value from a defaults instance, and every error names the dotted path at fault.
 *
 * <p>Supported component types: int, long, double, boolean (and boxes), String, enums (kebab-case lower names), records,
 * {@code List<X>} of any supported X, and {@code Map<String, X>} (free keys).
 */
public final class RecordBinder {
    private RecordBinder() {
    }

    /** Builds a record of {@code type} from {@code tree}, taking absent keys from {@code defaults}. */
    public static <R extends Record> R bind(Class<R> type, Map<String, ?> tree, R defaults, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byKey.put(ConfigNames.kebab(c.getName()), c);
        }
        for (String key : tree.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new ConfigException(join(path, key), "unknown key; expected one of " + byKey.keySet()
                        + Suggestions.didYouMean(key, byKey.keySet()));
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String key = ConfigNames.kebab(c.getName());
            types[i] = c.getType();
            Object fallback = read(c, defaults);
            if (tree.containsKey(key)) {
                args[i] = convert(c.getGenericType(), tree.get(key), fallback, join(path, key));
            } else {
                args[i] = fallback;
            }
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                throw ce.path().isEmpty() || !ce.path().startsWith(path) && !path.isEmpty()
                        ? new ConfigException(join(path, ce.path()), ce.reason()) : ce;
            }
            throw new ConfigException(path, cause == null ? e.toString() : cause.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** The record as a tree of sorted maps, lists and scalars: the inverse of {@link #bind}. */
    public static Map<String, Object> toTree(Record record) {
        Map<String, Object> out = new TreeMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = read(c, record);
            if (value != null) {
                out.put(ConfigNames.kebab(c.getName()), toTreeValue(value));
            }
        }
        return out;
    }

    /** True if {@code dottedPath} names a key (or a key below a free-form map) of {@code type}. */
    public static boolean hasPath(Class<? extends Record> type, String dottedPath) {
        Type current = type;
        for (String part : dottedPath.split("\\.", -1)) {
            Class<?> raw = rawType(current);
            if (raw.isRecord()) {
                RecordComponent found = null;
                for (RecordComponent c : raw.getRecordComponents()) {
                    if (ConfigNames.kebab(c.getName()).equals(part)) {
                        found = c;
                    }
                }
                if (found == null) {
                    return false;
                }
                current = found.getGenericType();
            } else if (Map.class.isAssignableFrom(raw)) {
                if (part.isEmpty()) {
                    return false;
                }
                current = ((ParameterizedType) current).getActualTypeArguments()[1];
            } else {
                return false;
            }
        }
        return true;
    }

    /** Every dotted key path of {@code type}'s leaves, for suggestions in error messages. */
    public static List<String> leafPaths(Class<? extends Record> type) {
        List<String> out = new ArrayList<>();
        collect(type, "", out);
        return out;
    }

    private static void collect(Class<?> type, String prefix, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String key = join(prefix, ConfigNames.kebab(c.getName()));
            if (c.getType().isRecord()) {
                collect(c.getType(), key, out);
            } else {
                out.add(key);
            }
        }
    }

    private static Object toTreeValue(Object value) {
        if (value instanceof Record r) {
            return toTree(r);
        }
        if (value instanceof Enum<?> e) {
            return ConfigNames.enumKey(e);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RecordBinder::toTreeValue).collect(Collectors.toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), toTreeValue(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Type type, Object value, Object fallback, String path) {
        Class<?> raw = rawType(type);
        if (value == null) {
            if (raw.isPrimitive()) {
                throw new ConfigException(path, "a value is required (found nothing)");
            }
            return null;
        }
        if (raw == int.class || raw == Integer.class) {
            return (int) wholeNumber(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (raw == long.class || raw == Long.class) {
            return wholeNumber(value, path, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (raw == double.class || raw == Double.class) {
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            throw mismatch(path, "a number", value);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw mismatch(path, "true or false", value);
        }
        if (raw == String.class) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return String.valueOf(value);
            }
            throw mismatch(path, "a string", value);
        }
        if (raw.isEnum()) {
            String text = String.valueOf(value);
            for (Object constant : raw.getEnumConstants()) {
                if (ConfigNames.enumKey((Enum<?>) constant).equals(text)) {
                    return constant;
                }
            }
            List<String> allowed = Arrays.stream(raw.getEnumConstants())
                    .map(c -> ConfigNames.enumKey((Enum<?>) c)).toList();
            throw new ConfigException(path, "expected one of " + allowed + ", found '" + text + "'");
        }
        if (raw.isRecord()) {
            if (!(value instanceof Map<?, ?> map)) {
                throw mismatch(path, "a section of keys", value);
            }
            return bind((Class) raw, stringKeys(map, path), (Record) fallback, path);
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<?> items = value instanceof List<?> l ? l : List.of(value);
            List<Object> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(convert(element, items.get(i), null, path + "[" + i + "]"));
            }
            return List.copyOf(out);
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof Map<?, ?> map)) {
                throw mismatch(path, "a map of keys to values", value);
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> out = new TreeMap<>();
            Map<?, ?> defaults = fallback instanceof Map<?, ?> m ? m : Map.of();
            out.putAll((Map) defaults);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(key, convert(element, e.getValue(), null, join(path, key)));
            }
            return java.util.Collections.unmodifiableMap(out);
        }
        throw new IllegalStateException("unsupported configuration type " + type + " at " + path);
    }

    private static long wholeNumber(Object value, String path, long min, long max) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger) {
            long v = ((Number) value).longValue();
            if (v < min || v > max) {
                throw new ConfigException(path, "number " + value + " is out of range");
            }
            return v;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && !Double.isInfinite(n.doubleValue())) {
            return n.longValue();
        }
        throw mismatch(path, "a whole number", value);
    }

    private static Map<String, ?> stringKeys(Map<?, ?> map, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!(k instanceof String)) {
                throw new ConfigException(path, "keys must be strings, found " + k);
            }
            out.put((String) k, v);
        });
        return out;
    }

    private static ConfigException mismatch(String path, String expected, Object found) {
        String shown = found instanceof Map ? "a section" : found instanceof List ? "a list" : "'" + found + "'";
        return new ConfigException(path, "expected " + expected + ", found " + shown);
    }

    private static Object read(RecordComponent c, Object target) {
        if (target == null) {
            return null;
        }
        try {
            return c.getAccessor().invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported configuration type " + type);
    }

    static String join(String prefix, String key) {
        return prefix == null || prefix.isEmpty() ? key : key.isEmpty() ? prefix : prefix + "." + key;
    }
}
