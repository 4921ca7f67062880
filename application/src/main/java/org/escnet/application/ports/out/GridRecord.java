package org.escnet.application.ports.out;

import java.time.Instant;

/** A stored grid: its name is its identity (submitting the same name again adds missing cells). */
public record GridRecord(long id, String name, String description, String document, Instant createdAt) {
}
