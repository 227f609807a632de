package org.claimledger.claim;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** How claims are shown: each with its live sources and its links to live articles. */
@ApplicationScoped
class ClaimViews {

    private final ClaimRepository claims;
    private final SourceRepository sources;

    ClaimViews(ClaimRepository claims, SourceRepository sources) {
        this.claims = claims;
        this.sources = sources;
    }

    ClaimResponse of(Claim claim) {
        return of(List.of(claim)).get(0);
    }

    /** The live claims among these ids, with their sources and links. */
    List<ClaimResponse> live(List<UUID> ids) {
        return of(claims.findLive(ids));
    }

    /** Claims with their sources and links, in one exchange with PostgreSQL whatever the number of claims. */
    List<ClaimResponse> of(List<Claim> page) {
        return withChildren(page.stream().map(c -> ClaimResponse.of(c, List.of(), List.of())).toList());
    }

    /**
     * Claims read without their children, with their live sources and their links to live articles,
     * read together in one exchange with PostgreSQL whatever the number of claims.
     */
    List<ClaimResponse> withChildren(List<ClaimResponse> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        ClaimRepository.Children children = claims.children(page.stream().map(ClaimResponse::id).toList());
        Map<UUID, List<SourceResponse>> sourcesByClaim = children.sources().stream()
                .collect(Collectors.groupingBy(SourceResponse::claimId));
        Map<UUID, List<ArticleLinkResponse>> linksByClaim = children.links().stream()
                .collect(Collectors.groupingBy(ArticleLinkResponse::claimId));
        return page.stream().map(c -> c.withChildren(sourcesByClaim.getOrDefault(c.id(), List.of()),
                linksByClaim.getOrDefault(c.id(), List.of()))).toList();
    }

    /** The live sources of these claims, oldest first, by claim. */
    Map<UUID, List<SourceResponse>> sourcesOf(Collection<UUID> claimIds) {
        return sources.liveResponsesForClaims(claimIds).stream()
                .collect(Collectors.groupingBy(SourceResponse::claimId));
    }
}
