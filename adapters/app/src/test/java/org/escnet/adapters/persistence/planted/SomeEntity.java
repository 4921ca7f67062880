package org.escnet.adapters.persistence.planted;

/** Stands for a persistence entity in {@code PlantedViolationTest}. */
public class SomeEntity {
    public static long count() {
        return 0;
    }
}
