package org.escnet.domain.data;

/** A dataset file that exists but cannot be used; the message names the file and what was wrong with it. */
public class DatasetReadException extends RuntimeException {
    public DatasetReadException(String message) {
        super(message);
    }

    public DatasetReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
