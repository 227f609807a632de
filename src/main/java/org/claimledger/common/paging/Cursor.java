package org.claimledger.common.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.claimledger.common.error.ProblemException;

/**
 * The position after the last row of a page: its sort key and id, plus a fingerprint of the query
 * it belongs to. Encoded as base64url text with a checksum, so a cursor is opaque to clients, a
 * tampered one is refused with 400, and one reused with other filters or another sort is refused
 * rather than silently skipping rows. It holds no state on the server: any replica can continue it.
 */
public record Cursor(String key, UUID id, String query) {

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    /** After a row whose sort key is a timestamp. */
    public static Cursor at(Instant key, UUID id, String query) {
        return new Cursor(key.toString(), id, query);
    }

    /** After a row whose sort key is a search rank. */
    public static Cursor ranked(float rank, UUID id, String query) {
        return new Cursor(Float.toString(rank), id, query);
    }

    public Instant instant() {
        try {
            return Instant.parse(key);
        } catch (java.time.DateTimeException e) {
            throw tampered();
        }
    }

    public float rank() {
        try {
            return Float.parseFloat(key);
        } catch (NumberFormatException e) {
            throw tampered();
        }
    }

    public String encode() {
        byte[] bytes = (key + "\n" + id + "\n" + query).getBytes(StandardCharsets.UTF_8);
        return ENC.encodeToString(bytes) + "." + ENC.encodeToString(checksum(bytes));
    }

    /** Decodes a cursor given to a query with this fingerprint; throws 400 when it is not one of ours. */
    public static Cursor decode(String text, String query) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            int dot = text.indexOf('.');
            if (dot < 0 || text.length() > 1000) {
                throw tampered();
            }
            byte[] bytes = DEC.decode(text.substring(0, dot));
            byte[] sum = DEC.decode(text.substring(dot + 1));
            if (!MessageDigest.isEqual(sum, checksum(bytes))) {
                throw tampered();
            }
            String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 3);
            if (parts.length != 3 || !parts[2].equals(query)) {
                throw ProblemException.invalidParameter("cursor",
                        "cursor belongs to a list with other filters or another sort; start again without it");
            }
            return new Cursor(parts[0], UUID.fromString(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
            throw tampered();
        }
    }

    /** Whether the text is an intact cursor of a query with this fingerprint (never throws). */
    public static boolean belongsTo(String text, String query) {
        try {
            return decode(text, query) != null;
        } catch (ProblemException e) {
            return false;
        }
    }

    /** A short stable fingerprint of a query's filters and sort. */
    public static String fingerprint(Object... parts) {
        byte[] digest = sha256(Arrays.deepToString(parts).getBytes(StandardCharsets.UTF_8));
        return ENC.encodeToString(Arrays.copyOf(digest, 9));
    }

    private static ProblemException tampered() {
        return ProblemException.invalidParameter("cursor", "cursor is not valid; use the nextCursor of a previous page");
    }

    private static byte[] checksum(byte[] bytes) {
        return Arrays.copyOf(sha256(bytes), 12);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
