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
import org.claimledger.common.paging.Sort;
import org.claimledger.common.time.Ids;
import org.claimledger.history.ChangeContext;
import org.claimledger.history.ChangeType;
import org.claimledger.history.EntityType;
import org.claimledger.history.HistoryService;
import org.claimledger.security.Actor;
import org.claimledger.security.Role;
import org.claimledger.source.SourceResponse;
import org.claimledger.source.SourceService;
import org.claimledger.source.Stance;

/** Claims: their rules and transactions, and how a claim is shown with its sources and article links. */
@ApplicationScoped
public class ClaimService {

    static final Map<String, String> READ_ONLY = Map.of(
            "id", "read-only", "createdAt", "read-only", "updatedAt", "read-only",
            "version", "read-only; send the ETag in If-Match instead",
            "sources", "read-only here; use /api/v1/claims/{id}/sources",
            "articles", "read-only here; use PUT /api/v1/claims/{id}/articles/{articleId}",
            "status", "changes only through POST /api/v1/claims/{id}/status, which applies the verification workflow",
            "verdictAt", "read-only", "supersededBy", "read-only; set with POST /api/v1/claims/{id}/status",
            "supersededAt", "read-only");

    /** The most claims one supersession chain may hold. */
    static final int MAX_LINEAGE = 100;

    private final ClaimRepository claims;
    private final ArticleLinkRepository links;
    private final SourceService sources;
    private final ArticleService articles;
    private final MergePatch mergePatch;
    private final HistoryService history;
    private final ChangeContext changeContext;
    private final Actor actor;

    ClaimService(ClaimRepository claims, ArticleLinkRepository links, SourceService sources, ArticleService articles,
            MergePatch mergePatch, HistoryService history, ChangeContext changeContext, Actor actor) {
        this.actor = actor;
        this.history = history;
        this.changeContext = changeContext;
        this.claims = claims;
        this.links = links;
        this.sources = sources;
        this.articles = articles;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public ClaimResponse create(ClaimRequest request) {
        if (request.status() != null && request.status() != ClaimStatus.UNVERIFIED
                && request.status() != ClaimStatus.IN_REVIEW) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "status: a claim starts UNVERIFIED or IN_REVIEW",
                    List.of(new FieldError("status", "must be UNVERIFIED or IN_REVIEW on create; verdicts and SUPERSEDED "
                            + "are given with POST /api/v1/claims/{id}/status")));
        }
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

    /**
     * Writes every claim that the filter selects as CSV, page by page (keyset pages of 500), so
     * memory stays constant however many claims there are and no transaction is held open.
     */
    public void exportCsv(ClaimFilter filter, Sort sort, java.io.Writer out) throws java.io.IOException {
        ClaimCsv.header(out);
        PageRequest page = new PageRequest(500, sort, null);
        Cursor after = null;
        while (true) {
            List<ClaimRepository.Row> rows = claims.page(filter, page, after, false);
            for (int i = 0; i < Math.min(rows.size(), page.limit()); i++) {
                ClaimCsv.row(out, rows.get(i).claim());
            }
            if (rows.size() <= page.limit()) {
                out.flush();
                return;
            }
            Claim last = rows.get(page.limit() - 1).claim();
            after = Cursor.at(sort.keyOf(last.createdAt, last.updatedAt), last.id, "csv");
            claims.getEntityManager().clear();
            out.flush();
        }
    }

    /** How many live claims the filter selects, by status and by type, every value listed. */
    public ClaimStats stats(ClaimFilter filter) {
        var byStatus = new java.util.LinkedHashMap<String, Long>();
        for (ClaimStatus s : ClaimStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        var byType = new java.util.LinkedHashMap<String, Long>();
        for (ClaimType t : ClaimType.values()) {
            byType.put(t.name(), 0L);
        }
        long total = 0;
        for (Object[] row : claims.countByStatusAndType(filter)) {
            long n = ((Number) row[2]).longValue();
            byStatus.merge((String) row[0], n, Long::sum);
            byType.merge((String) row[1], n, Long::sum);
            total += n;
        }
        return new ClaimStats(total, byStatus, byType);
    }

    @Transactional
    public ClaimResponse update(UUID id, Precondition precondition, JsonNode patch) {
        // If-Match: * accepts any version, so concurrent writers wait for the row instead of losing a race
        Claim claim = precondition.anyVersion() ? lockLive(id) : live(id);
        precondition.check(claim.version);
        ClaimRequest current = ClaimResponse.toRequest(claim);
        ClaimRequest merged = mergePatch.apply(current, patch, ClaimRequest.class, READ_ONLY);
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
        Claim claim = precondition.anyVersion() ? lockLive(id) : live(id);
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

    /** Moves the claim through the workflow, under its row lock and its ETag. */
    @Transactional
    public ClaimResponse changeStatus(UUID id, Precondition precondition, StatusChange change) {
        Claim claim = lockLive(id);
        precondition.check(claim.version);
        ClaimStatus from = claim.status;
        ClaimStatus to = change.status();
        List<ClaimStatus> allowed = Workflow.next(from);
        if (!allowed.contains(to)) {
            throw new InvalidStatusTransition(from, to, from == to ? "the claim is already " + to
                    : from + " may move only to " + allowed, allowed);
        }
        if ((Workflow.VERDICTS.contains(to) || to == ClaimStatus.SUPERSEDED) && !actor.has(Role.EDITOR)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "giving a verdict or superseding a claim needs the editor role");
        }
        if (Workflow.VERDICTS.contains(to)) {
            requireEvidence(claim, from, to, change, allowed);
        }
        if (to == ClaimStatus.SUPERSEDED) {
            requireSuccessor(claim, change.supersededBy(), allowed);
            claim.supersededBy = change.supersededBy();
            claim.supersededAt = Ids.now();
        }
        claim.status = to;
        claim.verdictAt = Workflow.VERDICTS.contains(to) ? Ids.now() : to == ClaimStatus.IN_REVIEW ? null : claim.verdictAt;
        if (change.explanation() != null && !change.explanation().isBlank()) {
            claim.explanation = change.explanation();
            changeContext.reasonIfAbsent(abbreviate(change.explanation()));
        }
        claim.updatedAt = Ids.now();
        claims.flush();
        ClaimResponse changed = view(List.of(claim)).get(0);
        history.record(EntityType.CLAIM, id, ChangeType.UPDATED, changed, false);
        return changed;
    }

    private void requireEvidence(Claim claim, ClaimStatus from, ClaimStatus to, StatusChange change,
            List<ClaimStatus> allowed) {
        if (change.explanation() == null || change.explanation().isBlank()) {
            throw new InvalidStatusTransition(from, to, "a verdict needs a non-blank explanation", allowed);
        }
        List<SourceResponse> evidence = sources.forClaims(List.of(claim.id)).getOrDefault(claim.id, List.of());
        if (evidence.isEmpty()) {
            throw new InvalidStatusTransition(from, to, "a verdict needs at least one source", allowed);
        }
        if (to == ClaimStatus.VERIFIED && evidence.stream().noneMatch(s -> s.stance() == Stance.SUPPORTS)) {
            throw new InvalidStatusTransition(from, to, "VERIFIED needs at least one SUPPORTS source", allowed);
        }
        if (to == ClaimStatus.FALSE && evidence.stream().noneMatch(s -> s.stance() == Stance.REFUTES)) {
            throw new InvalidStatusTransition(from, to, "FALSE needs at least one REFUTES source", allowed);
        }
    }

    private void requireSuccessor(Claim claim, UUID successor, List<ClaimStatus> allowed) {
        ClaimStatus from = claim.status;
        if (successor == null) {
            throw new InvalidStatusTransition(from, ClaimStatus.SUPERSEDED, "SUPERSEDED needs supersededBy", allowed);
        }
        if (successor.equals(claim.id)) {
            throw new InvalidStatusTransition(from, ClaimStatus.SUPERSEDED, "a claim cannot supersede itself", allowed);
        }
        Claim next = claims.findById(successor);
        if (next == null || next.isDeleted()) {
            throw new InvalidStatusTransition(from, ClaimStatus.SUPERSEDED,
                    "supersededBy must name an existing claim that is not deleted", allowed);
        }
        if (claims.supersessionReaches(successor, claim.id)) {
            throw new InvalidStatusTransition(from, ClaimStatus.SUPERSEDED, "claim " + successor
                    + " is itself superseded, directly or not, by this claim: that would make a cycle", allowed);
        }
        if (claims.lineage(successor).size() + claims.lineage(claim.id).size() > MAX_LINEAGE) {
            throw new InvalidStatusTransition(from, ClaimStatus.SUPERSEDED, "a supersession chain may hold at most "
                    + MAX_LINEAGE + " claims", allowed);
        }
    }

    /** The whole supersession chain the claim belongs to, oldest first. */
    public List<LineageEntry> lineage(UUID id) {
        live(id);
        return claims.lineage(id).stream().map(LineageEntry::of).toList();
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
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

    /** The live claims among these ids, with their sources and links. */
    List<ClaimResponse> views(List<UUID> ids) {
        return view(claims.findLive(ids));
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
        claim.claimantKind = request.claimantKind();
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
