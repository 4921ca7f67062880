package org.escnet.domain.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.escnet.domain.config.ConfigException;

/**
 * Expands a {@link GridSpec} into cells, deterministically: the cartesian product of the axes (first axis slowest),
 * then the explicit rows, minus the excluded cells, each once per seed. Cells whose resolved configurations are
 * identical are one cell. An expansion that yields no cell is an error, as is any cell that does not validate.
 */
public final class GridExpander {
    /** Bound on one grid, so a typo in an axis cannot queue millions of runs. */
    public static final int MAX_CELLS = 20_000;

    private final RunConfigValidator validator;

    public GridExpander(RunConfigValidator validator) {
        this.validator = validator;
    }

    public List<GridCell> expand(GridSpec grid) {
        List<Map<String, Object>> combos = product(grid.axes());
        if (grid.axes().isEmpty() && !grid.rows().isEmpty()) {
            combos.clear();
        }
        combos.addAll(grid.rows());
        Map<CellKey, GridCell> cells = new LinkedHashMap<>();
        List<Long> seeds = grid.seeds().isEmpty() ? java.util.Collections.singletonList(null) : grid.seeds();
        for (Map<String, Object> combo : combos) {
            for (Long seed : seeds) {
                Map<String, Object> overrides = new LinkedHashMap<>(combo);
                if (seed != null) {
                    overrides.put("seed", seed);
                }
                Map<String, Object> tree = grid.base();
                for (Map.Entry<String, Object> e : overrides.entrySet()) {
                    tree = ConfigTrees.set(tree, e.getKey(), e.getValue());
                }
                RunConfig config;
                try {
                    config = RunConfig.fromTree(tree);
                    validator.validate(config);
                } catch (ConfigException e) {
                    throw new ConfigException(e.path(), e.reason() + " (in cell " + new GridCell(overrides,
                            RunConfig.DEFAULTS, CellKey.of("")).label() + ")");
                }
                if (excluded(config, grid.exclude())) {
                    continue;
                }
                GridCell cell = new GridCell(overrides, config, config.cellKey());
                cells.putIfAbsent(cell.key(), cell);
                if (cells.size() > MAX_CELLS) {
                    throw new ConfigException("axes", "the grid expands to more than " + MAX_CELLS + " cells");
                }
            }
        }
        if (cells.isEmpty()) {
            throw new ConfigException(grid.exclude().isEmpty() ? "" : "exclude",
                    "the grid expands to no cells" + (grid.exclude().isEmpty() ? "" : ": every cell is excluded"));
        }
        return List.copyOf(cells.values());
    }

    private static List<Map<String, Object>> product(Map<String, List<Object>> axes) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> combo = new LinkedHashMap<>(partial);
                    combo.put(axis.getKey(), value);
                    next.add(combo);
                }
                if (next.size() > MAX_CELLS) {
                    throw new ConfigException("axes", "the grid expands to more than " + MAX_CELLS + " cells");
                }
            }
            out = next;
        }
        return out;
    }

    /** A cell is excluded when, for some predicate, every key's resolved value equals the predicate (or one of its list). */
    static boolean excluded(RunConfig config, List<Map<String, Object>> predicates) {
        Map<String, Object> tree = config.toTree();
        for (Map<String, Object> predicate : predicates) {
            boolean all = true;
            for (Map.Entry<String, Object> e : predicate.entrySet()) {
                Object actual = ConfigTrees.get(tree, e.getKey());
                if (!matches(actual, e.getValue())) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Object actual, Object expected) {
        String actualText = normalise(actual);
        if (expected instanceof List<?> options && !(actual instanceof List)) {
            for (Object option : options) {
                if (normalise(option).equals(actualText)) {
                    return true;
                }
            }
            return false;
        }
        return normalise(expected).equals(actualText);
    }

    private static String normalise(Object value) {
        if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
            return Long.toString(n.longValue());
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return CanonicalJson.write(value);
    }
}
