package org.claimledger.claim;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.claimledger.article.ArticleService;
import org.claimledger.article.ArticleSummary;

/** How claims are shown: each with its live sources and its links to live articles. */
@ApplicationScoped
class ClaimViews {

    private final ClaimRepository claims;
    private final SourceRepository sources;
    private final ArticleLinkRepository links;
    private final ArticleService articles;

    ClaimViews(ClaimRepository claims, SourceRepository sources, ArticleLinkRepository links, ArticleService articles) {
        this.claims = claims;
        this.sources = sources;
        this.links = links;
        this.articles = articles;
    }

    ClaimResponse of(Claim claim) {
        return of(List.of(claim)).get(0);
    }

    /** The live claims among these ids, with their sources and links. */
    List<ClaimResponse> live(List<UUID> ids) {
        return of(claims.findLive(ids));
    }

    /** Claims with their sources and links, in three queries whatever the number of claims. */
    List<ClaimResponse> of(List<Claim> page) {
        return withChildren(page.stream().map(c -> ClaimResponse.of(c, List.of(), List.of())).toList());
    }

    /** Claims read without their children, with their sources and links, in three queries whatever their number. */
    List<ClaimResponse> withChildren(List<ClaimResponse> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = page.stream().map(ClaimResponse::id).toList();
        Map<UUID, List<SourceResponse>> sourcesByClaim = sourcesOf(ids);
        List<ArticleLinkRepository.Shown> allLinks = links.liveShownForClaims(ids);
        Map<UUID, ArticleSummary> linked = articles.summaries(allLinks.stream().map(l -> l.articleId()).distinct().toList());
        Map<UUID, List<ArticleLinkResponse>> linksByClaim = allLinks.stream()
                .filter(l -> linked.containsKey(l.articleId()))
                .map(l -> l.with(linked.get(l.articleId())))
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
