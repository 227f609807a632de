package org.claimledger.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LedgerEntry", description = "One leaf of the ledger's Merkle tree: a history entry with everything "
        + "its leaf hash covers, so that anyone can recompute it (see the README, Verifying the ledger).")
public record LedgerEntry(
        @Schema(description = "Position in the tree, from 0: an entry takes its place once every lower revision has ended, in ledger order (by revision, then entry).", examples = "41") long leafIndex,
        @Schema(description = "base64 of SHA-256(0x00 || leaf bytes).", examples = "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=")
        String leafHash,
        @Schema(examples = "CLAIM") String entityType,
        @Schema(examples = "0193a5b0-7e1c-7b3e-9a51-3c1f0e2d4b6a") String entityId,
        @Schema(examples = "42") long revision,
        @Schema(description = "The revision's time, always with six fractional digits.", examples = "2026-11-28T22:40:00.123456Z")
        String timestamp,
        @Schema(examples = "editor-desk") String actor,
        @Schema(nullable = true) String reason,
        @Schema(nullable = true) String requestId,
        @Schema(description = "The entity's previous chain hash, empty for its first entry.") String prevHash,
        @Schema(description = "SHA-256(prevHash, revision metadata, content), hex: the per-entity chain.") String hash,
        @Schema(description = "The stored canonical JSON {type, changes, snapshot}, exactly as hashed.") String content) {
}
