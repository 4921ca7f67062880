package org.escnet.application.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.escnet.application.ports.in.ManageRuns;
import org.escnet.application.ports.in.NotFoundException;
import org.escnet.application.ports.in.SubmitGrid;
import org.escnet.application.ports.in.SubmitGridCommand;
import org.escnet.application.ports.in.SubmitGridResult;
import org.escnet.application.ports.out.GridRecord;
import org.escnet.application.ports.out.GridRepository;
import org.escnet.application.ports.out.RunQueue;
import org.escnet.application.ports.out.RunRepository;
import org.escnet.domain.experiment.CellKey;
import org.escnet.domain.experiment.GridCell;
import org.escnet.domain.experiment.GridExpander;
import org.escnet.domain.experiment.GridFileReader;
import org.escnet.domain.experiment.GridSources;
import org.escnet.domain.experiment.GridSpec;
import org.escnet.domain.experiment.Run;
import org.escnet.domain.experiment.RunConfigValidator;
import org.escnet.domain.experiment.RunStatus;
import org.escnet.domain.config.ConfigException;

/**
 * Submitting grids and the operator actions on them. Everything a submission needs is checked before anything is
 * stored, so an invalid grid leaves the database as it was.
 */
@ApplicationScoped
public class GridService implements SubmitGrid, ManageRuns {
    private final GridRepository grids;
    private final RunRepository runs;
    private final RunQueue queue;
    private final Instance<RunConfigValidator> validators;
    private final Clock clock;

    @Inject
    public GridService(GridRepository grids, RunRepository runs, RunQueue queue, Instance<RunConfigValidator> validators,
                       Clock clock) {
        this.grids = grids;
        this.runs = runs;
        this.queue = queue;
        this.validators = validators;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SubmitGridResult submit(SubmitGridCommand command) {
        GridSpec spec = GridFileReader.read(command.document(), command.source(), GridSources.folder(command.baseDir()));
        if (spec.name() == null || spec.name().isBlank()) {
            throw new ConfigException("name", "a grid needs a name (name: my-ablation)");
        }
        if (spec.name().length() > 200 || !spec.name().matches("[\\p{Alnum}][\\p{Alnum} ._/:+-]*")) {
            throw new ConfigException("name", "a grid name is 1 to 200 letters, digits, spaces or . _ / : + -, "
                    + "starting with a letter or digit; found '" + spec.name() + "'");
        }
        List<GridCell> cells = new GridExpander(this::validate).expand(spec);

        GridRecord existingGrid = grids.findByName(spec.name()).orElse(null);
        Set<CellKey> existingKeys = existingGrid == null ? Set.of() : runs.cellKeys(existingGrid.id());
        List<SubmitGridResult.CellPreview> preview = new ArrayList<>();
        int missing = 0;
        for (GridCell cell : cells) {
            boolean exists = existingKeys.contains(cell.key());
            missing += exists ? 0 : 1;
            preview.add(new SubmitGridResult.CellPreview(cell.key().value(), cell.label(), cell.overrides(), exists));
        }
        if (command.dryRun()) {
            return new SubmitGridResult(existingGrid == null ? 0 : existingGrid.id(), spec.name(), cells.size(), missing,
                    cells.size() - missing, preview, true);
        }
        GridRecord grid = existingGrid != null ? existingGrid
                : grids.createOrGet(spec.name(), spec.description(), spec.document());
        List<Run> fresh = new ArrayList<>();
        for (GridCell cell : cells) {
            if (!existingKeys.contains(cell.key())) {
                fresh.add(Run.queued(grid.id(), cell, clock.instant()));
            }
        }
        int created = runs.insertNew(fresh);
        return new SubmitGridResult(grid.id(), grid.name(), cells.size(), created, cells.size() - created, preview, false);
    }

    private void validate(org.escnet.domain.experiment.RunConfig config) {
        for (RunConfigValidator validator : validators) {
            validator.validate(config);
        }
    }

    @Override
    @Transactional
    public List<Long> rerunFailed(long gridId) {
        requireGrid(gridId);
        return queue.requeueFailed(gridId);
    }

    @Override
    @Transactional
    public RunQueue.CancelResult cancelRun(long runId) {
        RunQueue.CancelResult result = queue.requestCancel(runId);
        if (!result.found()) {
            throw new NotFoundException("run", runId);
        }
        return result;
    }

    @Override
    @Transactional
    public int cancelGrid(long gridId) {
        requireGrid(gridId);
        List<Long> active = runs.idsByStatus(gridId, Set.of(RunStatus.QUEUED, RunStatus.RUNNING));
        for (long id : active) {
            queue.requestCancel(id);
        }
        return active.size();
    }

    private void requireGrid(long gridId) {
        if (grids.find(gridId).isEmpty()) {
            throw new NotFoundException("grid", gridId);
        }
    }
}
