package org.claimledger.matching;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/**
 * Similar-claim matching: which recorded claims may say the same as a draft, best first. Works on
 * ids and the claim table alone, so the claim feature calls it and it calls nothing back.
 */
@ApplicationScoped
public class MatchService {

    /** How many matches a request gets when it does not say. */
    public static final int DEFAULT_LIMIT = 10;
    /** The default score from which a new claim's answer lists a match as a possible duplicate. */
    public static final double DUPLICATE_THRESHOLD = 0.5;

    private final MatchRepository repository;
    private final double duplicateScore;

    MatchService(MatchRepository repository, MatchingConfig config) {
        this.repository = repository;
        this.duplicateScore = config.possibleDuplicateScore();
    }

    /** Up to {@code limit} live claims ranked by score, highest first (ties: newest id order is not promised). */
    public List<SimilarClaim> match(MatchDraft draft, int limit) {
        MatchText.Text statement = MatchText.Text.of(draft.statement());
        return repository.candidates(draft).stream()
                .map(c -> MatchScorer.score(draft, statement, c))
                .filter(m -> m.score() > 0)
                .sorted(Comparator.comparingDouble(SimilarClaim::score).reversed()
                        .thenComparing(m -> m.claimId().toString()))
                .limit(limit)
                .toList();
    }

    /** The best three whose score reaches claims.matching.possible-duplicate-score. */
    public List<SimilarClaim> possibleDuplicates(MatchDraft draft) {
        return match(draft, 3).stream().filter(m -> m.score() >= duplicateScore).toList();
    }
}
