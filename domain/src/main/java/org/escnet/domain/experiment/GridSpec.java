package org.escnet.domain.experiment;

import java.util.List;
import java.util.Map;

/**
 * A grid file after {@code base:} inheritance: a base configuration and the rules that turn it into cells.
 *
 * @param name        grid name (one grid per name: submitting the same name again adds missing cells)
 * @param description free text
 * @param base        configuration overrides shared by every cell (a partial run-config tree)
 * @param axes        dotted key → values; the cells are their cartesian product (first axis varies slowest)
 * @param rows        explicit cells (dotted key → value), for grids that are not products
 * @param exclude     predicates (dotted key → value or list of values); a cell matching every key of one is dropped
 * @param seeds       every cell runs once per seed; empty = the configuration's own {@code seed}
 * @param document    the document as submitted, kept for the record
 */
public record GridSpec(
        String name,
        String description,
        Map<String, Object> base,
        Map<String, List<Object>> axes,
        List<Map<String, Object>> rows,
        List<Map<String, Object>> exclude,
        List<Long> seeds,
        String document) {
}
