package org.escnet.application.services.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the configuration keys whose values are not the same in every row: the only parameter columns a paper's
 * ablation table prints. A key present in some rows and absent in others differs too.
 */
public final class DifferingParameters {
    private DifferingParameters() {
    }

    /**
     * @param rows       flattened configuration of each row (dotted key → value text)
     * @param preferred  keys in the order the grid declares them (its axes and rows); differing keys among them come
     *                   first in this order, the other differing keys follow alphabetically
     */
    public static List<String> find(List<Map<String, String>> rows, List<String> preferred) {
        Set<String> keys = new TreeSet<>();
        rows.forEach(r -> keys.addAll(r.keySet()));
        Set<String> differing = new HashSet<>();
        for (String key : keys) {
            String first = rows.get(0).get(key);
            for (Map<String, String> row : rows) {
                if (!Objects.equals(first, row.get(key))) {
                    differing.add(key);
                    break;
                }
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String key : preferred) {
            if (differing.contains(key)) {
                ordered.add(key);
            }
        }
        for (String key : keys) {
            if (differing.contains(key)) {
                ordered.add(key);
            }
        }
        return new ArrayList<>(ordered);
    }
}
