package org.escnet.application.ports.in;

/** A grid or run id that does not exist. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, long id) {
        super(what + " " + id + " does not exist");
    }
}
