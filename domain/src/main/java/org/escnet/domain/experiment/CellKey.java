package org.escnet.domain.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identity of a grid cell: the SHA-256 of its canonical resolved configuration (first 128 bits, hex). Two cells
 * with the same resolved configuration are the same experiment, whatever grid file produced them.
 */
public record CellKey(String value) {
    public CellKey {
        if (value == null || !value.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a cell key is 32 lowercase hex digits, found " + value);
        }
    }

    public static CellKey of(String canonicalConfig) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalConfig.getBytes(StandardCharsets.UTF_8));
            return new CellKey(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
