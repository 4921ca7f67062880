package org.escnet.domain.planted;

/** A deliberate violation for {@code PlantedViolationTest}: a "domain" class that uses a JSON framework. */
public class DomainUsingJackson {
    public Object mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
