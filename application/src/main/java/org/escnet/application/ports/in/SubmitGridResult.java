package org.escnet.application.ports.in;

import java.util.List;
import java.util.Map;

/**
 * What a submission did (or, for a dry run, would do).
 *
 * @param gridId   the grid's id; 0 for a dry run of a grid not stored yet
 * @param name     the grid's name
 * @param cells    how many cells the grid expands to
 * @param created  how many runs were (or would be) created
 * @param existing how many cells already existed and were left alone
 * @param preview  every cell, in expansion order
 * @param dryRun   nothing was stored
 */
public record SubmitGridResult(long gridId, String name, int cells, int created, int existing, List<CellPreview> preview,
                               boolean dryRun) {

    /** One cell: its key, its distinguishing overrides and whether it already existed. */
    public record CellPreview(String cellKey, String label, Map<String, Object> overrides, boolean exists) {
    }
}
