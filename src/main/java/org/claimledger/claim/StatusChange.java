package org.claimledger.claim;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A move of a claim through the verification workflow. */
@Schema(name = "StatusChange")
public record StatusChange(
        @Schema(required = true, examples = "VERIFIED") @NotNull ClaimStatus status,
        @Schema(maxLength = 10000, nullable = true, description = "Why; required for a verdict, recorded as the revision's reason.",
                examples = "The Pentagon confirmed 13 U.S. service members and at least 169 Afghans were killed.")
        @Size(max = 10000) String explanation,
        @Schema(nullable = true, description = "The claim that supersedes this one; required for SUPERSEDED.")
        UUID supersededBy) {
}
