package org.escnet.adapters.persistence;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.escnet.application.ports.out.Page;
import org.escnet.application.ports.out.PageRequest;
import org.escnet.application.ports.out.RunRepository;
import org.escnet.application.ports.out.StatusCounts;
import org.escnet.domain.experiment.CellKey;
import org.escnet.domain.experiment.Run;
import org.escnet.domain.experiment.RunStatus;

/** Runs in PostgreSQL. Listing pages are computed by the database; nothing loads a whole grid. */
@ApplicationScoped
public class PanacheRunRepository implements RunRepository {
    private final EntityManager em;
    private final RunRows rows;

    @Inject
    public PanacheRunRepository(EntityManager em, RunRows rows) {
        this.em = em;
        this.rows = rows;
    }

    @Override
    public Set<CellKey> cellKeys(long gridId) {
        @SuppressWarnings("unchecked")
        List<String> keys = em.createNativeQuery("SELECT cell_key FROM run WHERE grid_id = ?1")
                .setParameter(1, gridId).getResultList();
        Set<CellKey> out = new HashSet<>();
        keys.forEach(k -> out.add(new CellKey(k.trim())));
        return out;
    }

    @Override
    @Transactional
    public int insertNew(List<Run> runs) {
        int inserted = 0;
        for (Run run : runs) {
            RunEntity e = rows.toNewEntity(run);
            // ON CONFLICT keeps concurrent submissions of the same grid from creating a cell twice.
            inserted += em.createNativeQuery("INSERT INTO run (grid_id, cell_key, cell_label, overrides, config, seed, "
                            + "device_kind, priority, status, attempts, max_attempts, created_at) "
                            + "VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), CAST(?5 AS jsonb), ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                            + "ON CONFLICT (grid_id, cell_key) DO NOTHING")
                    .setParameter(1, e.gridId).setParameter(2, e.cellKey).setParameter(3, e.cellLabel)
                    .setParameter(4, e.overrides).setParameter(5, e.config).setParameter(6, e.seed)
                    .setParameter(7, e.deviceKind).setParameter(8, e.priority).setParameter(9, e.status)
                    .setParameter(10, e.attempts).setParameter(11, e.maxAttempts).setParameter(12, e.createdAt)
                    .executeUpdate();
        }
        return inserted;
    }

    @Override
    public Optional<Run> find(long runId) {
        return RunEntity.<RunEntity>findByIdOptional(runId).map(rows::toRun);
    }

    @Override
    public Page<Run> listByGrid(long gridId, RunStatus status, PageRequest page) {
        var query = status == null
                ? RunEntity.<RunEntity>find("gridId", Sort.ascending("id"), gridId)
                : RunEntity.<RunEntity>find("gridId = ?1 and status = ?2", Sort.ascending("id"), gridId, status.name());
        long total = query.count();
        List<Run> items = query.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list().stream()
                .map(rows::toRun).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    public StatusCounts countByStatus(long gridId) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery("SELECT status, count(*) FROM run WHERE grid_id = ?1 GROUP BY status")
                .setParameter(1, gridId).getResultList();
        Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
        for (Object[] row : result) {
            counts.put(RunStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return StatusCounts.of(counts);
    }

    @Override
    @Transactional
    public boolean updateIfStatus(Run next, RunStatus expected) {
        RunEntity e = RunEntity.findById(next.id());
        if (e == null || !e.status.equals(expected.name())) {
            return false;
        }
        rows.copyState(next, e);
        return true;
    }

    @Override
    public List<Long> idsByStatus(long gridId, Set<RunStatus> statuses) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM run WHERE grid_id = ?1 AND status = ANY(CAST(?2 AS text[])) "
                        + "ORDER BY id")
                .setParameter(1, gridId)
                .setParameter(2, "{" + String.join(",", statuses.stream().map(Enum::name).toList()) + "}")
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
