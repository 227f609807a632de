package org.claimledger.claim;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.claimledger.security.Actor;
import org.claimledger.security.Role;

/**
 * Applies {@link Verdicts} to the claim being written: refuses or reopens on a substantive change,
 * and checks a verdict's rules after every write of the claim or its sources.
 */
@ApplicationScoped
class VerdictGuard {

    private final Actor actor;

    VerdictGuard(Actor actor) {
        this.actor = actor;
    }

    /**
     * Before a substantive change to a claim with a verdict: refused below EDITOR; an editor's
     * reopens the claim to IN_REVIEW in the same revision. Returns the note for the revision's
     * reason (ChangeContext.withNote), or null when nothing was reopened.
     */
    String reopenIfSubstantive(Claim claim, List<String> substantive) {
        if (substantive.isEmpty() || !Verdicts.hasVerdict(claim.status)) {
            return null;
        }
        if (!actor.has(Role.EDITOR)) {
            throw Verdicts.stands(claim.status, substantive);
        }
        String note = Verdicts.reopenReason(claim.status, substantive);
        claim.status = ClaimStatus.IN_REVIEW;
        claim.verdictAt = null;
        return note;
    }

    /**
     * The rules of a verdict, checked on every write of a claim that has one (not only when it is
     * given), after the write, against the claim's live sources as the writer read them for its answer
     * and snapshot (one read of them, not two).
     */
    void requireRules(Claim claim, List<SourceResponse> sources) {
        if (!Verdicts.hasVerdict(claim.status)) {
            return;
        }
        List<Stance> stances = sources.stream().map(SourceResponse::stance).toList();
        String unmet = Verdicts.unmetRule(claim.status, claim.explanation, stances);
        if (unmet != null) {
            throw Verdicts.ruleBroken(claim.status, unmet);
        }
    }
}
