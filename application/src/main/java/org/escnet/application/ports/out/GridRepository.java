package org.escnet.application.ports.out;

import java.util.Optional;

/** Stored grids. */
public interface GridRepository {
    Optional<GridRecord> findByName(String name);

    Optional<GridRecord> find(long id);

    /** Creates a grid, or returns the existing one of that name (two submissions may race). */
    GridRecord createOrGet(String name, String description, String document);

    /** Newest first. */
    Page<GridRecord> list(PageRequest page);
}
