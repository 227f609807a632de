package org.claimledger.claim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code claims.publisher.*}: the organisation that publishes ClaimReviews. */
@ConfigMapping(prefix = "claims.publisher")
interface PublisherConfig {

    @WithDefault("Claim Ledger")
    String name();

    /** Its web site. */
    Optional<String> url();
}
