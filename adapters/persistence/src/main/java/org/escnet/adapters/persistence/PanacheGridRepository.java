package org.escnet.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.escnet.application.ports.out.GridRecord;
import org.escnet.application.ports.out.GridRepository;
import org.escnet.application.ports.out.Page;
import org.escnet.application.ports.out.PageRequest;

/** Grids in PostgreSQL. */
@ApplicationScoped
public class PanacheGridRepository implements GridRepository {
    private final EntityManager em;

    public PanacheGridRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<GridRecord> findByName(String name) {
        return GridEntity.<GridEntity>find("name", name).firstResultOptional().map(GridEntity::toRecord);
    }

    @Override
    public Optional<GridRecord> find(long id) {
        return GridEntity.<GridEntity>findByIdOptional(id).map(GridEntity::toRecord);
    }

    @Override
    @Transactional
    public GridRecord createOrGet(String name, String description, String document) {
        // ON CONFLICT: two submissions of a new grid may race; both end up with the same row.
        em.createNativeQuery("INSERT INTO grid (name, description, document, created_at) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT (name) DO NOTHING")
                .setParameter(1, name).setParameter(2, description == null ? "" : description)
                .setParameter(3, document).setParameter(4, Instant.now())
                .executeUpdate();
        return findByName(name).orElseThrow();
    }

    @Override
    public Page<GridRecord> list(PageRequest page) {
        var query = GridEntity.<GridEntity>findAll(io.quarkus.panache.common.Sort.descending("id"))
                .page(io.quarkus.panache.common.Page.of(page.page(), page.size()));
        return new Page<>(query.list().stream().map(GridEntity::toRecord).toList(), page.page(), page.size(),
                GridEntity.count());
    }
}
