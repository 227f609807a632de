package org.claimledger.claim;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.common.error.FieldError;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.http.ETags.Precondition;
import org.claimledger.common.json.MergePatch;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.Page;
import org.claimledger.common.paging.PageRequest;
import org.claimledger.common.time.Ids;
import org.claimledger.history.ChangeType;
import org.claimledger.history.CurrentChange;
import org.claimledger.history.EntityType;
import org.claimledger.history.HistoryService;

/** Claims: create, read, list, change and delete, with their rules and transactions. */
@ApplicationScoped
class ClaimService {

    static final Map<String, String> READ_ONLY = Map.of(
            "id", "read-only", "createdAt", "read-only", "updatedAt", "read-only",
            "version", "read-only; send the ETag in If-Match instead",
            "sources", "read-only here; use /api/v1/claims/{id}/sources",
            "articles", "read-only here; use PUT /api/v1/claims/{id}/articles/{articleId}",
            "status", "changes only through POST /api/v1/claims/{id}/status, which applies the verification workflow",
            "verdictAt", "read-only", "supersededBy", "read-only; set with POST /api/v1/claims/{id}/status",
            "supersededAt", "read-only");

    static final ProblemType CLAIM_IN_LINEAGE = ProblemType.of("claim-in-lineage",
            "The claim belongs to a supersession chain and cannot be deleted", 409);

    private final VerdictGuard verdicts;
    private final ClaimRepository claims;
    private final ClaimViews views;
    private final MergePatch mergePatch;
    private final HistoryService history;
    private final CurrentChange currentChange;
    private final Event<ClaimMetrics.Created> createdEvents;

    ClaimService(ClaimRepository claims, ClaimViews views, MergePatch mergePatch, HistoryService history,
            CurrentChange currentChange, Event<ClaimMetrics.Created> createdEvents, VerdictGuard verdicts) {
        this.verdicts = verdicts;
        this.currentChange = currentChange;
        this.claims = claims;
        this.views = views;
        this.mergePatch = mergePatch;
        this.history = history;
        this.createdEvents = createdEvents;
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
        apply(claim, request, request.status() == null ? ClaimStatus.UNVERIFIED : request.status());
        claims.persist(claim);
        claims.flush();
        ClaimResponse created = ClaimResponse.of(claim, List.of(), List.of());
        history.record(currentChange.context(), EntityType.CLAIM, claim.id, ChangeType.CREATED,
                ClaimSnapshots.of(claim, created), false);
        createdEvents.fire(new ClaimMetrics.Created(claim.id));
        return created;
    }

    public ClaimResponse get(UUID id) {
        return claims.shownLive(id);
    }

    /**
     * A page of claims; with a search text and no explicit sort, the most relevant first. When the
     * full-text match finds fewer than a page, statements alike despite typos join, ranked below
     * every full-text match, and the list says so (fuzzy); its cursors continue in that mode.
     */
    public ClaimPage list(ClaimFilter filter, PageRequest page) {
        boolean ranked = filter.q() != null && page.requestedSort() == null;
        ClaimRepository.Search search = filter.q() == null ? null : claims.search(filter);
        String exact = Cursor.fingerprint("claims", filter, ranked ? "relevance" : page.sort());
        String typos = Cursor.fingerprint("claims", filter, "relevance", "fuzzy");
        boolean fuzzy = ranked && page.cursor() != null && Cursor.belongsTo(page.cursor(), typos);
        Cursor after = Cursor.decode(page.cursor(), fuzzy ? typos : exact);
        List<ClaimRepository.Row> rows = claims.page(filter, page, after, ranked, fuzzy ? search.asFuzzy() : search);
        if (ranked && after == null && rows.size() < page.limit() && typoTolerant(filter.q())) {
            List<ClaimRepository.Row> alike = claims.page(filter, page, null, true, search.asFuzzy());
            if (alike.size() > rows.size()) {
                rows = alike;
                fuzzy = true;
            }
        }
        String fingerprint = fuzzy ? typos : exact;
        Page<ClaimResponse> sliced = Page.slice(rows, page.limit(),
                row -> ranked ? Cursor.ranked(row.rank(), row.claim().id(), fingerprint)
                        : Cursor.at(page.sort().keyOf(row.claim().createdAt(), row.claim().updatedAt()), row.claim().id(),
                                fingerprint),
                kept -> withSnippets(kept, views.withChildren(kept.stream().map(ClaimRepository.Row::claim).toList())));
        return new ClaimPage(sliced.items(), sliced.nextCursor(), fuzzy);
    }

    /** Plain words only: a typo fallback would bring back what "quoted", -excluded or or-ed words asked for. */
    private static boolean typoTolerant(String q) {
        return !q.contains("\"") && !q.matches("(?i).*(^|\\s)-\\S.*") && !q.matches("(?i).*\\sor\\s.*");
    }

    private static List<ClaimResponse> withSnippets(List<ClaimRepository.Row> rows, List<ClaimResponse> views) {
        List<ClaimResponse> out = new java.util.ArrayList<>(views.size());
        for (int i = 0; i < views.size(); i++) {
            String snippet = rows.get(i).snippet();
            out.add(snippet == null ? views.get(i) : views.get(i).withSnippet(snippet));
        }
        return out;
    }

    @Transactional
    public ClaimResponse update(UUID id, Precondition precondition, JsonNode patch) {
        // If-Match: * accepts any version, so concurrent writers wait for the row instead of losing a race
        Claim claim = precondition.anyVersion() ? claims.lockLive(id) : claims.live(id);
        precondition.check(claim.version);
        ClaimRequest current = ClaimResponse.toRequest(claim);
        ClaimRequest merged = mergePatch.apply(current, patch, ClaimRequest.class, READ_ONLY);
        if (merged.equals(current)) {
            return views.of(claim);
        }
        String reopened = verdicts.reopenIfSubstantive(claim, Verdicts.substantiveChanges(current, merged));
        apply(claim, merged, claim.status);
        if (reopened != null) {
            claim.verdictAt = null;
        }
        claims.flush();
        ClaimResponse updated = views.of(claim);
        verdicts.requireRules(claim, updated.sources());
        history.record(currentChange.context().withNote(reopened), EntityType.CLAIM, id, ChangeType.UPDATED,
                ClaimSnapshots.of(claim, updated), false);
        return updated;
    }

    @Transactional
    public void delete(UUID id, Precondition precondition) {
        Claim claim = precondition.anyVersion() ? claims.lockLive(id) : claims.live(id);
        precondition.check(claim.version);
        int chain = claims.lineage(id).size();
        if (chain > 1) {
            throw new ProblemException(CLAIM_IN_LINEAGE, "the claim belongs to a supersession chain of " + chain
                    + " claims (GET /api/v1/claims/" + id + "/lineage); deleting it would hide a step of how the "
                    + "figure evolved").with("lineageSize", chain);
        }
        claim.deletedAt = Ids.now();
        claims.flush();
        history.record(currentChange.context(), EntityType.CLAIM, id, ChangeType.DELETED,
                ClaimSnapshots.of(claim, views.of(claim)), true);
    }

    private static void apply(Claim claim, ClaimRequest request, ClaimStatus status) {
        claim.statement = request.statement();
        claim.type = request.type();
        claim.claimant = request.claimant();
        claim.claimantKind = request.claimantKind();
        claim.setDates(request.claimDate(), request.eventDate());
        claim.language = request.language();
        claim.location = request.location();
        claim.tags = request.tags() == null ? List.of() : List.copyOf(request.tags());
        claim.status = status;
        claim.explanation = request.explanation();
        claim.quantity = request.quantity();
        claim.attribution = request.attribution();
    }
}
