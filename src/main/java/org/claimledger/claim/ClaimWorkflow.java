package org.claimledger.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.UUID;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.http.ETags.Precondition;
import org.claimledger.common.time.Ids;
import org.claimledger.history.ChangeContext;
import org.claimledger.history.ChangeType;
import org.claimledger.history.CurrentChange;
import org.claimledger.history.EntityType;
import org.claimledger.history.HistoryService;
import org.claimledger.security.Actor;
import org.claimledger.security.Role;

/** The verification workflow (status changes and their rules) and supersession lineage. */
@ApplicationScoped
class ClaimWorkflow {

    /** The most claims one supersession chain may hold. */
    static final int MAX_LINEAGE = 100;

    private final VerdictGuard verdicts;
    private final ClaimRepository claims;
    private final ClaimViews views;
    private final HistoryService history;
    private final CurrentChange currentChange;
    private final Actor actor;
    private final Event<ClaimMetrics.StatusChanged> statusEvents;

    ClaimWorkflow(ClaimRepository claims, ClaimViews views, HistoryService history, CurrentChange currentChange,
            Actor actor, Event<ClaimMetrics.StatusChanged> statusEvents, VerdictGuard verdicts) {
        this.verdicts = verdicts;
        this.statusEvents = statusEvents;
        this.claims = claims;
        this.views = views;
        this.history = history;
        this.currentChange = currentChange;
        this.actor = actor;
    }

    /** Moves the claim through the workflow, under its row lock and its ETag. */
    @Transactional
    public ClaimResponse changeStatus(UUID id, Precondition precondition, StatusChange change) {
        Claim claim = claims.lockLive(id);
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
        ChangeContext context = currentChange.context();
        if (change.explanation() != null && !change.explanation().isBlank()) {
            claim.explanation = change.explanation();
            // the explanation is the revision's reason when the request gave none
            context = context.withReasonIfAbsent(abbreviate(change.explanation()));
        }
        claims.flush();
        ClaimResponse changed = views.of(claim);
        verdicts.requireRules(claim, changed.sources());
        history.record(context, EntityType.CLAIM, id, ChangeType.UPDATED, ClaimSnapshots.of(claim, changed), false);
        statusEvents.fire(new ClaimMetrics.StatusChanged(id, to));
        return changed;
    }

    /** {@link #changeStatus} in a transaction of its own, for a batch whose items commit one by one. */
    @Transactional(TxType.REQUIRES_NEW)
    public ClaimResponse changeStatusAlone(UUID id, Precondition precondition, StatusChange change) {
        return changeStatus(id, precondition, change);
    }

    /** The whole supersession chain the claim belongs to, oldest first. */
    public List<LineageEntry> lineage(UUID id) {
        claims.live(id);
        return claims.lineage(id).stream().map(LineageEntry::of).toList();
    }

    private void requireEvidence(Claim claim, ClaimStatus from, ClaimStatus to, StatusChange change,
            List<ClaimStatus> allowed) {
        if (change.explanation() == null || change.explanation().isBlank()) {
            throw new InvalidStatusTransition(from, to, "a verdict needs a non-blank explanation", allowed);
        }
        List<SourceResponse> evidence = views.sourcesOf(List.of(claim.id)).getOrDefault(claim.id, List.of());
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

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
