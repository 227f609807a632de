package org.claimledger.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;
import org.claimledger.common.time.Ids;
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

    ClaimChildren(ClaimRepository claims, ClaimViews views, HistoryService history, CurrentChange currentChange) {
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
        claims.lockLive(claimId).updatedAt = Ids.now();
        change.run();
        claims.flush();
        Claim claim = claims.findById(claimId);
        history.record(currentChange.context(), EntityType.CLAIM, claimId, ChangeType.UPDATED,
                ClaimSnapshots.of(claim, views.of(claim)), false);
    }
}
