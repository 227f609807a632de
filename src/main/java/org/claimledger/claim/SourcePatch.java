package org.claimledger.claim;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a source's PATCH as the contract describes it (JSON Merge Patch, RFC 7396): every
 * member optional, null clears an optional one. The service merges it into the source's
 * {@link SourceRequest} and validates the result like a create.
 */
@Schema(name = "SourcePatch", description = "Send only the members to change; null clears an optional member.")
record SourcePatch(
        @Schema(maxLength = 2048, minLength = 1, examples = "https://www.defense.gov/News/Transcripts/") String url,
        @Schema(maxLength = 1000, nullable = true) String title,
        @Schema(maxLength = 500, nullable = true) String publisher,
        @Schema(nullable = true) SourceKind kind,
        @Schema(nullable = true, examples = "REFUTES") Stance stance,
        @Schema(nullable = true) Instant accessedAt,
        @Schema(maxLength = 2048, nullable = true) String archivedUrl,
        @Schema(maxLength = 5000, nullable = true) String note) {
}
