package org.claimledger.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.claimledger.history.ChangeType;
import org.claimledger.history.CurrentChange;
import org.claimledger.history.EntityType;
import org.claimledger.history.HistoryService;

/**
 * The one way a claim's sources and article links change. They belong to the claim: a change to
 * one is also a change of the claim as shown, so it is made under the claim's row lock, moves the
 * claim's version and updatedAt, and is recorded in the claim's history.
 */
@ApplicationScoped
class ClaimChildren {

    private final ClaimRepository claims;
    private final ClaimViews views;
    private final HistoryService history;
    private final CurrentChange currentChange;

    private final VerdictGuard verdicts;

    ClaimChildren(ClaimRepository claims, ClaimViews views, HistoryService history, CurrentChange currentChange,
            VerdictGuard verdicts) {
        this.verdicts = verdicts;
        this.currentChange = currentChange;
        this.claims = claims;
        this.views = views;
        this.history = history;
    }

    /** Throws 404 or 410 unless the claim exists and is not deleted. */
    void requireLive(UUID claimId) {
        claims.live(claimId);
    }

    /** Locks the claim's row until the transaction ends; 404 or 410 unless it is live. */
    @Transactional(TxType.MANDATORY)
    void lock(UUID claimId) {
        claims.lockLive(claimId);
    }

    /**
     * Locks the live claim (404 or 410 otherwise), moves its updatedAt, applies the change to its
     * sources or links, flushes, and records the claim as it now stands.
     */
    @Transactional(TxType.MANDATORY)
    void withClaimLocked(UUID claimId, Runnable change) {
        withClaimLocked(claimId, claim -> List.of(), change);
    }

    /**
     * The same, for a change that a verdict may rest on: {@code substantive} names, for the claim as
     * it stands, what the change alters that its verdict is about (empty when nothing); such a change
     * is refused below EDITOR or reopens the claim (see {@link VerdictGuard}). After the change, the
     * verdict's rules must still hold.
     */
    @Transactional(TxType.MANDATORY)
    void withClaimLocked(UUID claimId, Function<Claim, List<String>> substantive, Runnable change) {
        Claim locked = claims.lockLive(claimId);
        String reopened = verdicts.reopenIfSubstantive(locked, substantive.apply(locked));
        locked.touch();
        change.run();
        claims.flush();
        Claim claim = claims.findById(claimId);
        ClaimResponse view = views.of(claim);
        verdicts.requireRules(claim, view.sources());
        history.record(currentChange.context().withNote(reopened), EntityType.CLAIM, claimId, ChangeType.UPDATED,
                ClaimSnapshots.of(claim, view), false);
    }
}
