package org.claimledger.claim;

import org.claimledger.common.validation.NoBidiControls;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.claimledger.common.validation.HttpUrl;
import org.claimledger.common.validation.StorableTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable properties of a source, as created by POST and merged by PATCH. */
@Schema(name = "SourceRequest")
public record SourceRequest(
        @Schema(required = true, maxLength = 2048, examples = "https://www.defense.gov/News/Transcripts/")
        @NotBlank @Size(max = 2048) @HttpUrl String url,
        @Schema(maxLength = 1000, examples = "Pentagon briefing on the Kabul airport attack") @Size(max = 1000) String title,
        @Schema(maxLength = 500, examples = "U.S. Department of Defense") @Size(max = 500) @NoBidiControls String publisher,
        @Schema(examples = "OFFICIAL") SourceKind kind,
        @Schema(examples = "SUPPORTS") Stance stance,
        @Schema(examples = "2021-08-27T09:00:00Z") @StorableTime Instant accessedAt,
        @Schema(maxLength = 2048, examples = "https://web.archive.org/web/20210827/https://www.defense.gov/News/Transcripts/")
        @Size(max = 2048) @HttpUrl String archivedUrl,
        @Schema(maxLength = 5000) @Size(max = 5000) String note) {
}
