package org.claimledger.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The bytes of a leaf, rebuilt from the fields GET /api/v1/ledger/entries serves: the line
 * "claim-ledger/leaf/v1", then entityType, entityId, revision, timestamp, actor, reason, requestId,
 * prevHash, hash and content, each as {@code <UTF-8 byte length>:<UTF-8 bytes>\n}, or {@code -\n}
 * when null. The database builds the same bytes (ledger_leaf_bytes_of, V16), and the service
 * hashes them when it writes the entry (V18).
 */
public final class Leaf {

    static final String PREFIX = "claim-ledger/leaf/v1\n";

    /** The time as a leaf spells it: RFC 3339, UTC, always six fractional digits. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Leaf() {
    }

    /** The instant as a leaf spells it (as PostgreSQL's to_char does in ledger_leaf_bytes_of). */
    public static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    public static byte[] bytes(String entityType, String entityId, long revision, String timestamp, String actor,
            String reason, String requestId, String prevHash, String hash, String content) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(PREFIX.getBytes(StandardCharsets.UTF_8));
        for (String field : new String[] {entityType, entityId, Long.toString(revision), timestamp, actor, reason,
                requestId, prevHash, hash, content}) {
            if (field == null) {
                out.writeBytes(new byte[] {'-', '\n'});
            } else {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes((utf8.length + ":").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(utf8);
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
