package org.claimledger.claim;

import java.time.Instant;
import java.util.UUID;
import org.claimledger.common.http.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Source")
public record SourceResponse(
        UUID id,
        UUID claimId,
        @Schema(examples = "https://www.defense.gov/News/Transcripts/") String url,
        String title,
        @Schema(examples = "U.S. Department of Defense") String publisher,
        @Schema(examples = "OFFICIAL") SourceKind kind,
        @Schema(examples = "SUPPORTS") Stance stance,
        Instant accessedAt,
        String archivedUrl,
        String note,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Row version; the ETag is this number in quotes.", examples = "1") long version)
        implements Versioned {

    static SourceResponse of(Source s) {
        return new SourceResponse(s.id, s.claimId, s.url, s.title, s.publisher, s.kind, s.stance, s.accessedAt,
                s.archivedUrl, s.note, s.createdAt, s.updatedAt, s.version);
    }

    SourceRequest toRequest() {
        return new SourceRequest(url, title, publisher, kind, stance, accessedAt, archivedUrl, note);
    }
}
