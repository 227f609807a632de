package org.claimledger.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What matching compares: a claim being written, or one already recorded (then {@code claimId} is
 * its id, left out of its own matches). Enum values travel as their names, so that matching needs
 * nothing of the claim feature but its table.
 */
public record MatchDraft(UUID claimId, String statement, String type, String language, LocalDate claimDate,
        Figure quantity, Actor attribution, List<String> tags, List<UUID> articleIds) {

    /** measure, qualifier (EXACT, AT_LEAST, MORE_THAN, AT_MOST, FEWER_THAN, APPROXIMATELY, RANGE), bounds, subject. */
    public record Figure(String measure, String qualifier, BigDecimal value, BigDecimal upperValue, String subject) {
    }

    /** Who is said to be behind it, and in what role. */
    public record Actor(String actor, String role) {
    }

    public MatchDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    }
}
