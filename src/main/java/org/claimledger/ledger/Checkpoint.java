package org.claimledger.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A C2SP tlog-checkpoint body: origin, tree size, base64 root hash, and one extension line with
 * the time it was signed ("time 2026-11-29T07:00:00Z").
 */
public record Checkpoint(String origin, long size, byte[] root, Instant time) {

    static final String TIME = "time ";

    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n"
                + (time == null ? "" : TIME + time + "\n");
    }

    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty() || lines[0].isEmpty()) {
            throw new IllegalArgumentException("not a checkpoint: origin, tree size and root hash lines expected");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("checkpoint tree size is not a decimal number: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint root hash is not base64: " + lines[2]);
        }
        if (root.length != Merkle.HASH_BYTES) {
            throw new IllegalArgumentException("checkpoint root hash is not 32 bytes");
        }
        Instant time = null;
        for (int i = 3; i < lines.length - 1; i++) {
            if (lines[i].startsWith(TIME)) {
                try {
                    time = Instant.parse(lines[i].substring(TIME.length()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("checkpoint time is not RFC 3339: " + lines[i]);
                }
            }
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, time);
    }
}
