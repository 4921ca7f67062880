package org.escnet.application.services.table;

/**
 * How to shape an ablation table.
 *
 * @param aggregateSeeds one row per cell over its seeds (mean ± std) instead of one row per run
 * @param baseline       key of the row the others show deltas against; null or blank for none
 * @param sortBy         {@code label}, a parameter key or a metric key; null or blank keeps submission order
 * @param descending     sort direction
 * @param filter         space-separated terms, all of which a row must match: {@code key=value} matches a parameter
 *                       (full key or its last segment) exactly, any other term is a case-insensitive substring of
 *                       the row's label
 * @param groupBy        a differing parameter key to group rows by; null or blank for no grouping
 */
public record TableOptions(boolean aggregateSeeds, String baseline, String sortBy, boolean descending, String filter,
                           String groupBy) {
    public static final TableOptions DEFAULTS = new TableOptions(true, null, null, false, null, null);

    public TableOptions withBaseline(String key) {
        return new TableOptions(aggregateSeeds, key, sortBy, descending, filter, groupBy);
    }

    public TableOptions withAggregateSeeds(boolean aggregate) {
        return new TableOptions(aggregate, baseline, sortBy, descending, filter, groupBy);
    }

    public TableOptions withSort(String key, boolean desc) {
        return new TableOptions(aggregateSeeds, baseline, key, desc, filter, groupBy);
    }

    public TableOptions withFilter(String text) {
        return new TableOptions(aggregateSeeds, baseline, sortBy, descending, text, groupBy);
    }

    public TableOptions withGroupBy(String key) {
        return new TableOptions(aggregateSeeds, baseline, sortBy, descending, filter, key);
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
