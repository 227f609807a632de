package org.claimledger.claim;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.claimledger.matching.SimilarClaim;

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
        @Schema(description = "The claim the desk tracks, when this one was confirmed to say the same "
                + "(POST /api/v1/claims/{id}/duplicate-of).", nullable = true) UUID duplicateOf,
        @Schema(nullable = true) Quantity quantity,
        @Schema(nullable = true) Attribution attribution,
        @Schema(description = "Live sources, oldest first.", maxItems = 100) List<SourceResponse> sources,
        @Schema(description = "Links to live articles, oldest first.", maxItems = 100) List<ArticleLinkResponse> articles,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Row version, moved by changes to the claim, its sources and its links; the ETag is this number in quotes.",
                examples = "1") long version,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "In search results only: where the search matched, the matched words between <mark> and "
                + "</mark> (plain text otherwise, not escaped HTML).", nullable = true,
                examples = "Two explosions <mark>killed</mark> over 70 people | <mark>Kabul</mark>, Afghanistan")
        String snippet,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "In the answer to POST /api/v1/claims only: up to 3 recorded claims that may say the same "
                + "(score at least 0.5), best first. Nothing is refused for them; confirm one with "
                + "POST /api/v1/claims/{id}/duplicate-of.", nullable = true, maxItems = 3)
        List<SimilarClaim> possibleDuplicates)
        implements Versioned {

    static ClaimResponse of(Claim c, List<SourceResponse> sources, List<ArticleLinkResponse> articles) {
        return new ClaimResponse(c.id, c.statement, c.type, c.claimant,
                c.claimantKind == null ? ClaimantKind.ORGANIZATION : c.claimantKind, c.claimDate(), c.language,
                c.location, c.eventDate(), List.copyOf(c.tags), c.status, c.explanation, c.verdictAt, c.supersededBy,
                c.supersededAt, c.duplicateOf, c.quantity, c.attribution,
                sources, articles, c.createdAt, c.updatedAt, c.version, null, null);
    }

    /** The same claim with these sources and article links. */
    ClaimResponse withChildren(List<SourceResponse> sources, List<ArticleLinkResponse> articles) {
        return new ClaimResponse(id, statement, type, claimant, claimantKind, claimDate, language, location, eventDate,
                tags, status, explanation, verdictAt, supersededBy, supersededAt, duplicateOf, quantity, attribution,
                sources, articles, createdAt, updatedAt, version, snippet, possibleDuplicates);
    }

    /** The same claim, as a search result with its highlighted snippet. */
    ClaimResponse withSnippet(String text) {
        return new ClaimResponse(id, statement, type, claimant, claimantKind, claimDate, language, location, eventDate,
                tags, status, explanation, verdictAt, supersededBy, supersededAt, duplicateOf, quantity, attribution,
                sources, articles, createdAt, updatedAt, version, text, possibleDuplicates);
    }

    /** The same claim, as the answer to its creation, with the recorded claims that may say the same. */
    ClaimResponse withPossibleDuplicates(List<SimilarClaim> matches) {
        return new ClaimResponse(id, statement, type, claimant, claimantKind, claimDate, language, location, eventDate,
                tags, status, explanation, verdictAt, supersededBy, supersededAt, duplicateOf, quantity, attribution,
                sources, articles, createdAt, updatedAt, version, snippet, matches);
    }

    static ClaimRequest toRequest(Claim c) {
        return new ClaimRequest(c.statement, c.type, c.claimant, c.claimantKind, c.claimDate(), c.language, c.location,
                c.eventDate(), List.copyOf(c.tags), c.status, c.explanation, c.quantity, c.attribution);
    }
}
