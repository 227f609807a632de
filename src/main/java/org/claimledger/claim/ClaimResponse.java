package org.claimledger.claim;

import java.time.Instant;
import org.claimledger.common.time.FuzzyDate;
import java.util.List;
import java.util.UUID;
import org.claimledger.common.http.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Claim", description = "A claim with its sources and its links to articles.")
public record ClaimResponse(
        UUID id,
        @Schema(examples = "Two explosions killed over 70 people") String statement,
        @Schema(examples = "CASUALTY_COUNT") ClaimType type,
        @Schema(examples = "Global News") String claimant,
        @Schema(examples = "ORGANIZATION") ClaimantKind claimantKind,
        @Schema(implementation = String.class, maxLength = 21, pattern = FuzzyDate.PATTERN, examples = "2021-08-26",
                description = "As given: 2021-08-26, 2021-08, 2021 or an interval such as 2019/2020.") FuzzyDate claimDate,
        @Schema(examples = "en") String language,
        @Schema(examples = "Kabul, Afghanistan") String location,
        @Schema(implementation = String.class, maxLength = 21, pattern = FuzzyDate.PATTERN, examples = "2021-08-26",
                description = "As given, like claimDate.") FuzzyDate eventDate,
        @Schema(maxItems = 50) List<String> tags,
        @Schema(examples = "UNVERIFIED") ClaimStatus status,
        String explanation,
        @Schema(description = "When the current verdict was given.", nullable = true) Instant verdictAt,
        @Schema(description = "The claim that supersedes this one.", nullable = true) UUID supersededBy,
        @Schema(nullable = true) Instant supersededAt,
        @Schema(nullable = true) Quantity quantity,
        @Schema(nullable = true) Attribution attribution,
        @Schema(description = "Live sources, oldest first.", maxItems = 100) List<SourceResponse> sources,
        @Schema(description = "Links to live articles, oldest first.", maxItems = 100) List<ArticleLinkResponse> articles,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Row version, moved by changes to the claim, its sources and its links; the ETag is this number in quotes.",
                examples = "1") long version)
        implements Versioned {

    static ClaimResponse of(Claim c, List<SourceResponse> sources, List<ArticleLinkResponse> articles) {
        return new ClaimResponse(c.id, c.statement, c.type, c.claimant,
                c.claimantKind == null ? ClaimantKind.ORGANIZATION : c.claimantKind, c.claimDate(), c.language,
                c.location, c.eventDate(), List.copyOf(c.tags), c.status, c.explanation, c.verdictAt, c.supersededBy,
                c.supersededAt, c.quantity, c.attribution,
                sources, articles, c.createdAt, c.updatedAt, c.version);
    }

    static ClaimRequest toRequest(Claim c) {
        return new ClaimRequest(c.statement, c.type, c.claimant, c.claimantKind, c.claimDate(), c.language, c.location,
                c.eventDate(), List.copyOf(c.tags), c.status, c.explanation, c.quantity, c.attribution);
    }
}
