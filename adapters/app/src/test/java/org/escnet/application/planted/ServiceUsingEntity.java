package org.escnet.application.planted;

/** A deliberate violation for {@code PlantedViolationTest}: a use case reaching into an adapter. */
public class ServiceUsingEntity {
    public long runs() {
        return org.escnet.adapters.persistence.planted.SomeEntity.count();
    }
}
