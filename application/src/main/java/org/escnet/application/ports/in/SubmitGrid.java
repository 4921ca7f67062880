package org.escnet.application.ports.in;

/**
 * Submits a grid: expands it and queues the cells the grid does not have yet. Submitting the same grid again creates
 * nothing; an invalid grid stores nothing and fails with
 * {@link org.escnet.domain.config.ConfigException} naming the key and line at fault.
 */
public interface SubmitGrid {
    SubmitGridResult submit(SubmitGridCommand command);
}
