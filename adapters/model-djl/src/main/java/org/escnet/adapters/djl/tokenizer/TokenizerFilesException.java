package org.escnet.adapters.djl.tokenizer;

/** Tokenizer files that are missing or cannot be read. */
public class TokenizerFilesException extends RuntimeException {

    public TokenizerFilesException(String message) {
        super(message);
    }

    public TokenizerFilesException(String message, Throwable cause) {
        super(message, cause);
    }
}
