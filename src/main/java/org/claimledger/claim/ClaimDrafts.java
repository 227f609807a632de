package org.claimledger.claim;

import java.util.List;
import java.util.UUID;
import org.claimledger.matching.MatchDraft;

/** Claims and claim requests as the drafts matching compares (it knows claims by id and table only). */
final class ClaimDrafts {

    private ClaimDrafts() {
    }

    /** A draft; {@code self} is the id it was just created with (left out of its matches), or null. */
    static MatchDraft of(ClaimRequest r, UUID self) {
        return new MatchDraft(self, r.statement(), r.type() == null ? null : r.type().name(), r.language(),
                r.claimDate() == null ? null : r.claimDate().first(), figure(r.quantity()), actor(r.attribution()), r.tags(), List.of());
    }

    static MatchDraft of(Claim c, List<UUID> articleIds) {
        return new MatchDraft(c.id, c.statement, c.type.name(), c.language,
                c.claimDate() == null ? null : c.claimDate().first(), figure(c.quantity),
                actor(c.attribution), c.tags, articleIds);
    }

    private static MatchDraft.Figure figure(Quantity q) {
        return q == null ? null : new MatchDraft.Figure(q.measure() == null ? null : q.measure().name(),
                q.qualifier() == null ? null : q.qualifier().name(), q.value(), q.upperValue(), q.subject());
    }

    private static MatchDraft.Actor actor(Attribution a) {
        return a == null ? null : new MatchDraft.Actor(a.actor(), a.role() == null ? null : a.role().name());
    }
}
