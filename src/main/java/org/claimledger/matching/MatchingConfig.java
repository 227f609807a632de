package org.claimledger.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code claims.matching.*}: when a match counts as a possible duplicate. */
@ConfigMapping(prefix = "claims.matching")
interface MatchingConfig {

    /** The score from which a create's answer lists a match in possibleDuplicates. */
    @WithDefault("0.5")
    double possibleDuplicateScore();
}
