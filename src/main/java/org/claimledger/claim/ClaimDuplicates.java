package org.claimledger.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.claimledger.common.db.Live;
import org.claimledger.common.error.FieldError;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.http.ETags.Precondition;
import org.claimledger.common.time.Ids;
import org.claimledger.history.ChangeType;
import org.claimledger.history.EntityType;
import org.claimledger.history.HistoryService;
import org.claimledger.history.CurrentChange;
import org.claimledger.matching.MatchService;
import org.claimledger.matching.SimilarClaim;

/**
 * Claims that say the same: the recorded claims a claim (or a draft) may duplicate, and the
 * confirmed links from a duplicate to the claim the desk tracks. No chains: a duplicate points at a
 * claim that is not itself one, and a claim others duplicate cannot become one.
 */
@ApplicationScoped
class ClaimDuplicates {

    private final ClaimRepository claims;
    private final ArticleLinkRepository links;
    private final ClaimViews views;
    private final MatchService matching;
    private final HistoryService history;
    private final CurrentChange currentChange;

    ClaimDuplicates(ClaimRepository claims, ArticleLinkRepository links, ClaimViews views, MatchService matching,
            HistoryService history, CurrentChange currentChange) {
        this.currentChange = currentChange;
        this.claims = claims;
        this.links = links;
        this.views = views;
        this.matching = matching;
        this.history = history;
    }

    /** The recorded claims a draft may say the same as, best first. */
    List<SimilarClaim> match(ClaimRequest draft, Integer limit) {
        return matching.match(ClaimDrafts.of(draft, null), limitOrDefault(limit));
    }

    /** The best three a just created claim may duplicate (score at least the threshold). */
    List<SimilarClaim> possibleDuplicates(ClaimRequest created, UUID id) {
        return matching.possibleDuplicates(ClaimDrafts.of(created, id));
    }

    /** The claims an existing claim may say the same as (its shared articles count too), best first. */
    List<SimilarClaim> similar(UUID id, Integer limit) {
        Claim claim = claims.live(id);
        List<UUID> articleIds = links.liveForClaims(List.of(id)).stream().map(l -> l.articleId).toList();
        return matching.match(ClaimDrafts.of(claim, articleIds), limitOrDefault(limit));
    }

    /** Records that the claim says the same as {@code target}, under the claim's ETag. */
    @Transactional
    ClaimResponse markDuplicate(UUID id, Precondition precondition, UUID target) {
        if (id.equals(target)) {
            throw new InvalidDuplicate(id, target, "a claim cannot be a duplicate of itself");
        }
        // both rows locked, in one order whatever the request, so that two links made at once cannot form a chain
        Claim claim;
        Claim tracked;
        if (id.compareTo(target) < 0) {
            claim = lockLive(id);
            tracked = lockTarget(target);
        } else {
            tracked = lockTarget(target);
            claim = lockLive(id);
        }
        precondition.check(claim.version);
        if (tracked.duplicateOf != null) {
            throw new InvalidDuplicate(id, target, "claim " + target + " is itself a duplicate of " + tracked.duplicateOf
                    + "; point at that claim instead");
        }
        long followers = claims.count("duplicateOf = ?1 and " + Live.JPQL, id);
        if (followers > 0) {
            throw new InvalidDuplicate(id, target, followers + " claim(s) are duplicates of this one; a claim others "
                    + "duplicate cannot become a duplicate (undo theirs first)");
        }
        if (target.equals(claim.duplicateOf)) {
            return views.of(claim);
        }
        claim.duplicateOf = target;
        claim.duplicateMarkedAt = Ids.now();
        return changed(claim);
    }

    /** Undoes the link, under the claim's ETag. */
    @Transactional
    ClaimResponse unmarkDuplicate(UUID id, Precondition precondition) {
        Claim claim = lockLive(id);
        precondition.check(claim.version);
        if (claim.duplicateOf == null) {
            throw new InvalidDuplicate(id, null, "the claim is not marked as a duplicate");
        }
        claim.duplicateOf = null;
        claim.duplicateMarkedAt = null;
        return changed(claim);
    }

    private ClaimResponse changed(Claim claim) {
        claims.flush();
        ClaimResponse view = views.of(claim);
        history.record(currentChange.context(), EntityType.CLAIM, claim.id, ChangeType.UPDATED,
                ClaimSnapshots.of(claim, view), false);
        return view;
    }

    private Claim lockLive(UUID id) {
        return claims.lockLive(id);
    }

    private Claim lockTarget(UUID target) {
        Claim tracked = claims.findById(target, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (tracked == null || tracked.isDeleted()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "claimId must name a live claim",
                    List.of(new FieldError("claimId", "no live claim has this id")));
        }
        return tracked;
    }

    private static int limitOrDefault(Integer limit) {
        return limit == null ? MatchService.DEFAULT_LIMIT : limit;
    }
}
