package org.escnet.application.ports.in;

import java.time.Duration;
import java.time.Instant;
import org.escnet.application.ports.out.StatusCounts;

/**
 * A grid with its progress.
 *
 * @param elapsed   from the first start of any of its runs to now (or to the last finish when all are done); null
 *                  before anything started
 * @param remaining estimate: mean finished-run duration × unfinished runs ÷ runs in parallel; null when unknown
 */
public record GridOverview(long id, String name, String description, Instant createdAt, StatusCounts counts,
                           Duration elapsed, Duration remaining) {
}
