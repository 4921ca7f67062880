package org.escnet.adapters.mlflow.planted;

/** A deliberate violation for {@code PlantedViolationTest}: one adapter calling another. */
public class MirrorReadingEntities {
    public long pending() {
        return org.escnet.adapters.persistence.planted.SomeEntity.count();
    }
}
