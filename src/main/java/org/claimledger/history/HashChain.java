package org.claimledger.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The hash chain of one entity's history: each entry stores SHA-256(previous hash || revision
 * envelope || content). The migration that removed Hibernate Envers (V9) recomputes the same
 * chains in SQL; a change to any spelling here breaks every chain already written.
 */
final class HashChain {

    /** Writes the revision envelope that is hashed; one instance, as the spelling must never vary. */
    private static final ObjectMapper ENVELOPE = new ObjectMapper();

    private HashChain() {
    }

    /** The hash of one entry, from the hash of the entity's previous entry ("" for its first). */
    static String link(String previousHash, EntityType type, UUID id, long rev, Instant at, String actor,
            String reason, String requestId, String content) {
        return hash(previousHash, envelope(type, id, rev, at, actor, reason, requestId), content);
    }

    /** The revision's metadata as hashed: fixed member order, one spelling of the instant. */
    static String envelope(EntityType type, UUID id, long rev, Instant at, String actor, String reason, String requestId) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("entityType", type.name());
        envelope.put("entityId", id.toString());
        envelope.put("revision", rev);
        envelope.put("timestamp", at.toString());
        envelope.put("actor", actor);
        envelope.put("reason", reason);
        envelope.put("requestId", requestId);
        try {
            return ENVELOPE.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256(previous hash || envelope || content), hex. */
    static String hash(String previousHash, String envelope, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(envelope.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recomputes one chain, entry by entry, oldest first; remembers the first revision that does not match. */
    static final class Check {
        private String previousHash = "";
        long revisions;
        Long broken;

        void accept(HistoryRepository.Row row) {
            revisions++;
            if (broken != null) {
                return;
            }
            String expected = link(previousHash, row.entityType(), row.entityId(), row.rev(), row.at(), row.actor(),
                    row.reason(), row.requestId(), row.content());
            if (!row.prevHash().equals(previousHash) || !row.hash().equals(expected)) {
                broken = row.rev();
            }
            previousHash = row.hash();
        }
    }
}
