package org.escnet.webui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.GridOverview;
import org.escnet.application.services.table.AblationTable;
import org.escnet.application.services.table.AblationTableBuilder;
import org.escnet.application.services.table.CellResultLoader;
import org.escnet.application.services.table.TableOptions;

/**
 * Builds a grid's ablation table for the pages and the export API. Loading stops at {@code escnet.ui.table.max-runs}
 * runs (default 5000) so no request reads an unbounded grid; the table then says how many runs it covers.
 */
@ApplicationScoped
public class AblationTables {
    private final BrowseRuns browse;
    private final CellResultLoader loader;

    @Inject
    public AblationTables(BrowseRuns browse, @ConfigProperty(name = "escnet.ui.table.max-runs", defaultValue = "5000") int maxRuns) {
        this.browse = browse;
        this.loader = new CellResultLoader(browse::cellResults, maxRuns, 500);
    }

    /** The table of a grid, or empty when the grid does not exist. */
    public Optional<AblationTable> table(long gridId, TableOptions options) {
        Optional<GridOverview> grid = browse.grid(gridId);
        if (grid.isEmpty()) {
            return Optional.empty();
        }
        CellResultLoader.Loaded loaded = loader.load(gridId);
        return Optional.of(AblationTableBuilder.build(grid.get().name(), loaded.cells(), loaded.total(), options));
    }

    public int maxRuns() {
        return loader.maxRuns();
    }
}
