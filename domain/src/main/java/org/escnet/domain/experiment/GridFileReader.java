package org.escnet.domain.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.escnet.domain.config.ConfigException;
import org.escnet.domain.config.LocatedTree;
import org.escnet.domain.config.RecordBinder;
import org.escnet.domain.config.YamlTrees;

/**
 * Reads a grid file (YAML or JSON) into a {@link GridSpec}, following {@code base:} chains. Every problem is a
 * {@link ConfigException} naming the key and line at fault; nothing here has side effects.
 *
 * <pre>
 * name: sam-ablation
 * base: base/vit-l14-336.yaml      # a file this one overrides (run-config sections, axes, seeds…)
 * model: { preset: escnet-tiny }   # run-config sections override the base
 * axes:  { model.sam-init: [none, random, pretrained] }
 * rows:  [ { model.prompts: boxes } ]
 * exclude: [ { model.sam-init: none, model.prompts: boxes } ]
 * seeds: [0, 1]
 * </pre>
 */
public final class GridFileReader {
    static final Set<String> GRID_KEYS = Set.of("name", "description", "base", "axes", "rows", "exclude", "seeds");
    static final Set<String> CONFIG_SECTIONS = configSections();
    private static final int MAX_BASE_DEPTH = 16;

    private GridFileReader() {
    }

    /** Reads {@code text}; {@code source} names it in errors (null for a submitted body). */
    public static GridSpec read(String text, String source, GridSources bases) {
        return read(text, source, bases, new LinkedHashSet<>(), text);
    }

    private static GridSpec read(String text, String source, GridSources bases, Set<String> chain, String document) {
        LocatedTree tree = YamlTrees.parse(text, source);
        Map<String, Object> root = tree.root();
        for (String key : root.keySet()) {
            if (!GRID_KEYS.contains(key) && !CONFIG_SECTIONS.contains(key)) {
                Set<String> all = new java.util.TreeSet<>(GRID_KEYS);
                all.addAll(CONFIG_SECTIONS);
                throw tree.locate(new ConfigException(key, "unknown key; a grid file has " + all), key);
            }
        }
        GridSpec parent = null;
        if (root.containsKey("base")) {
            Object reference = root.get("base");
            if (!(reference instanceof String ref) || ref.isBlank()) {
                throw tree.locate(new ConfigException("base", "expected a file path, found " + reference), "base");
            }
            if (chain.size() >= MAX_BASE_DEPTH) {
                throw tree.locate(new ConfigException("base", "base files nest deeper than " + MAX_BASE_DEPTH), "base");
            }
            GridSources.Source base;
            try {
                base = bases.read(ref);
            } catch (ConfigException e) {
                throw tree.locate(e, "base");
            }
            if (!chain.add(base.id())) {
                List<String> cycle = new ArrayList<>(chain);
                cycle.add(base.id());
                throw tree.locate(new ConfigException("base", "base files form a cycle: "
                        + String.join(" -> ", cycle)), "base");
            }
            parent = read(base.text(), base.name(), base.siblings(), chain, document);
        }

        Map<String, Object> config = new LinkedHashMap<>();
        for (String section : CONFIG_SECTIONS) {
            if (root.containsKey(section)) {
                config.put(section, root.get(section));
            }
        }
        // Validate this file's own overrides early so the error points at its line, not at a cell.
        try {
            RunConfig.fromTree(config);
        } catch (ConfigException e) {
            throw tree.locate(e, e.path());
        }
        Map<String, Object> merged = parent == null ? config : ConfigTrees.merge(parent.base(), config);

        String name = root.containsKey("name") ? text(tree, "name") : parent == null ? null : parent.name();
        String description = root.containsKey("description") ? text(tree, "description")
                : parent == null ? "" : parent.description();
        Map<String, List<Object>> axes = root.containsKey("axes") ? axes(tree) : parent == null ? Map.of() : parent.axes();
        List<Map<String, Object>> rows = root.containsKey("rows") ? predicates(tree, "rows")
                : parent == null ? List.of() : parent.rows();
        List<Map<String, Object>> exclude = root.containsKey("exclude") ? predicates(tree, "exclude")
                : parent == null ? List.of() : parent.exclude();
        List<Long> seeds = root.containsKey("seeds") ? seeds(tree) : parent == null ? List.of() : parent.seeds();
        return new GridSpec(name, description, merged, axes, rows, exclude, seeds, document);
    }

    private static String text(LocatedTree tree, String key) {
        Object value = tree.root().get(key);
        if (value == null || value instanceof Map || value instanceof List) {
            throw tree.locate(new ConfigException(key, "expected text, found " + (value == null ? "nothing" : "a structure")), key);
        }
        return String.valueOf(value).trim();
    }

    private static Map<String, List<Object>> axes(LocatedTree tree) {
        Object value = tree.root().get("axes");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw tree.locate(new ConfigException("axes", "expected a mapping of dotted keys to value lists"), "axes");
        }
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String at = "axes." + key;
            checkPath(tree, key, at);
            List<Object> values = e.getValue() instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(e.getValue()));
            if (values.isEmpty()) {
                throw tree.locate(new ConfigException(at, "an axis needs at least one value"), at);
            }
            out.put(key, values);
        }
        return out;
    }

    private static List<Map<String, Object>> predicates(LocatedTree tree, String key) {
        Object value = tree.root().get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw tree.locate(new ConfigException(key, "expected a list of {dotted.key: value} entries"), key);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = key + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry) || entry.isEmpty()) {
                throw tree.locate(new ConfigException(at, "expected a non-empty {dotted.key: value} entry"), at);
            }
            Map<String, Object> cell = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : entry.entrySet()) {
                String path = String.valueOf(e.getKey());
                checkPath(tree, path, at + "." + path);
                cell.put(path, e.getValue());
            }
            out.add(cell);
        }
        return out;
    }

    private static List<Long> seeds(LocatedTree tree) {
        Object value = tree.root().get("seeds");
        List<?> list = value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Integer || list.get(i) instanceof Long)) {
                throw tree.locate(new ConfigException("seeds[" + i + "]", "expected a whole number, found '"
                        + list.get(i) + "'"), "seeds[" + i + "]");
            }
            long seed = ((Number) list.get(i)).longValue();
            if (out.contains(seed)) {
                throw tree.locate(new ConfigException("seeds[" + i + "]", "seed " + seed + " is listed twice"), "seeds[" + i + "]");
            }
            out.add(seed);
        }
        return List.copyOf(out);
    }

    private static void checkPath(LocatedTree tree, String dottedKey, String at) {
        if (!RecordBinder.hasPath(RunConfig.class, dottedKey)) {
            throw tree.locate(new ConfigException(at, "'" + dottedKey + "' is not a run configuration key"
                    + suggestion(dottedKey)), at);
        }
    }

    private static String suggestion(String key) {
        return org.escnet.domain.config.Suggestions.didYouMean(key, RecordBinder.leafPaths(RunConfig.class));
    }

    private static Set<String> configSections() {
        Set<String> out = new LinkedHashSet<>();
        for (var c : RunConfig.class.getRecordComponents()) {
            out.add(org.escnet.domain.config.ConfigNames.kebab(c.getName()));
        }
        return out;
    }
}
