package org.claimledger.claim;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.claimledger.article.ArticleService;
import org.claimledger.article.ArticleSummary;
import org.claimledger.common.error.FieldError;
import org.claimledger.common.error.Gone;
import org.claimledger.common.error.NotFound;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.http.ETags.Precondition;
import org.claimledger.common.json.MergePatch;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.Page;
import org.claimledger.common.paging.PageRequest;
import org.claimledger.common.time.Ids;
import org.claimledger.history.ChangeType;
import org.claimledger.history.EntityType;
import org.claimledger.history.HistoryService;
import org.claimledger.source.SourceResponse;
import org.claimledger.source.SourceService;

/** Claims: their rules and transactions, and how a claim is shown with its sources and article links. */
@ApplicationScoped
public class ClaimService {

    static final Map<String, String> READ_ONLY = Map.of(
            "id", "read-only", "createdAt", "read-only", "updatedAt", "read-only",
            "version", "read-only; send the ETag in If-Match instead",
            "sources", "read-only here; use /api/v1/claims/{id}/sources",
            "articles", "read-only here; use PUT /api/v1/claims/{id}/articles/{articleId}");

    private final ClaimRepository claims;
    private final ArticleLinkRepository links;
    private final SourceService sources;
    private final ArticleService articles;
    private final MergePatch mergePatch;
    private final HistoryService history;

    ClaimService(ClaimRepository claims, ArticleLinkRepository links, SourceService sources, ArticleService articles,
            MergePatch mergePatch, HistoryService history) {
        this.history = history;
        this.claims = claims;
        this.links = links;
        this.sources = sources;
        this.articles = articles;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public ClaimResponse create(ClaimRequest request) {
        Claim claim = new Claim();
        claim.id = Ids.newId();
        claim.createdAt = Ids.now();
        apply(claim, request, request.status() == null ? ClaimStatus.UNVERIFIED : request.status());
        claim.updatedAt = claim.createdAt;
        claims.persist(claim);
        claims.flush();
        ClaimResponse created = ClaimResponse.of(claim, List.of(), List.of());
        history.record(EntityType.CLAIM, claim.id, ChangeType.CREATED, created, false);
        return created;
    }

    public ClaimResponse get(UUID id) {
        return view(List.of(live(id))).get(0);
    }

    /** A page of claims; with a search text and no explicit sort, the most relevant first. */
    public Page<ClaimResponse> list(ClaimFilter filter, PageRequest page) {
        boolean ranked = filter.q() != null && page.requestedSort() == null;
        String fingerprint = Cursor.fingerprint("claims", filter, ranked ? "relevance" : page.sort());
        Cursor after = Cursor.decode(page.cursor(), fingerprint);
        return Page.slice(claims.page(filter, page, after, ranked), page.limit(),
                row -> ranked ? Cursor.ranked(row.rank(), row.claim().id, fingerprint)
                        : Cursor.at(page.sort().keyOf(row.claim().createdAt, row.claim().updatedAt), row.claim().id,
                                fingerprint),
                rows -> view(rows.stream().map(ClaimRepository.Row::claim).toList()));
    }

    @Transactional
    public ClaimResponse update(UUID id, Precondition precondition, JsonNode patch) {
        Claim claim = live(id);
        precondition.check(claim.version);
        ClaimRequest current = ClaimResponse.toRequest(claim);
        ClaimRequest merged = mergePatch.apply(current, patch, ClaimRequest.class, READ_ONLY);
        if (merged.status() == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "status: cannot be cleared",
                    List.of(new FieldError("status", "cannot be cleared; every claim has a status")));
        }
        if (merged.equals(current)) {
            return view(List.of(claim)).get(0);
        }
        apply(claim, merged, merged.status());
        claims.flush();
        ClaimResponse updated = view(List.of(claim)).get(0);
        history.record(EntityType.CLAIM, id, ChangeType.UPDATED, updated, false);
        return updated;
    }

    @Transactional
    public void delete(UUID id, Precondition precondition) {
        Claim claim = live(id);
        precondition.check(claim.version);
        claim.deletedAt = Ids.now();
        claim.updatedAt = claim.deletedAt;
        claims.flush();
        history.record(EntityType.CLAIM, id, ChangeType.DELETED, view(List.of(claim)).get(0), true);
    }

    /**
     * Records, in the claim's history, a change just made to one of its sources or links (after
     * {@link #changeChild}, once the change is flushed).
     */
    @Transactional(TxType.MANDATORY)
    public void recordChildChange(UUID id) {
        Claim claim = claims.findById(id);
        history.record(EntityType.CLAIM, id, ChangeType.UPDATED, view(List.of(claim)).get(0), false);
    }

    /** Throws 404 or 410 unless the claim exists and is not deleted. */
    public void requireLive(UUID id) {
        live(id);
    }

    /**
     * Called inside the transaction that changes one of the claim's sources or links: locks the
     * claim's row until it commits, refuses a deleted claim, and moves its version and updatedAt,
     * since the claim as shown (with its sources and links) changes too.
     */
    @Transactional(TxType.MANDATORY)
    public void changeChild(UUID id) {
        lockLive(id).updatedAt = Ids.now();
    }

    /** Locks the claim's row until the transaction ends; 404 or 410 unless it is live. */
    @Transactional(TxType.MANDATORY)
    public void lockChildren(UUID id) {
        lockLive(id);
    }

    private Claim lockLive(UUID id) {
        Claim claim = claims.findForUpdate(id);
        if (claim == null) {
            throw new NotFound("claim", id);
        }
        if (claim.isDeleted()) {
            throw new Gone("claim", id);
        }
        return claim;
    }

    Claim live(UUID id) {
        Claim claim = claims.findById(id);
        if (claim == null) {
            throw new NotFound("claim", id);
        }
        if (claim.isDeleted()) {
            throw new Gone("claim", id);
        }
        return claim;
    }

    /** Claims with their sources and links, in three queries whatever the number of claims. */
    List<ClaimResponse> view(List<Claim> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = page.stream().map(c -> c.id).toList();
        Map<UUID, List<SourceResponse>> sourcesByClaim = sources.forClaims(ids);
        List<ArticleLink> allLinks = links.liveForClaims(ids);
        Map<UUID, ArticleSummary> linked = articles.summaries(allLinks.stream().map(l -> l.articleId).distinct().toList());
        Map<UUID, List<ArticleLinkResponse>> linksByClaim = allLinks.stream()
                .filter(l -> linked.containsKey(l.articleId))
                .map(l -> ArticleLinkResponse.of(l, linked.get(l.articleId)))
                .collect(Collectors.groupingBy(ArticleLinkResponse::claimId));
        return page.stream().map(c -> ClaimResponse.of(c, sourcesByClaim.getOrDefault(c.id, List.of()),
                linksByClaim.getOrDefault(c.id, List.of()))).toList();
    }


    private static void apply(Claim claim, ClaimRequest request, ClaimStatus status) {
        claim.statement = request.statement();
        claim.type = request.type();
        claim.claimant = request.claimant();
        claim.claimDate = request.claimDate();
        claim.language = request.language();
        claim.location = request.location();
        claim.eventDate = request.eventDate();
        claim.tags = request.tags() == null ? List.of() : List.copyOf(request.tags());
        claim.status = status;
        claim.explanation = request.explanation();
        claim.setQuantity(request.quantity());
        claim.setAttribution(request.attribution());
        claim.updatedAt = Ids.now();
    }
}
