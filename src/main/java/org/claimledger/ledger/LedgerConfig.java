package org.claimledger.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code claims.ledger.*}: how checkpoints are named, signed and how often they are stored,
 * and how soon written leaves are placed in the tree. */
@ConfigMapping(prefix = "claims.ledger")
interface LedgerConfig {

    /** The checkpoints' origin line and key name. */
    @WithDefault("claim-ledger.local/ledger")
    String origin();

    /** The Ed25519 key that signs checkpoints (PKCS#8 base64 or PEM, or a file path); see {@link LedgerKey}. */
    Optional<String> signingKey();

    /** How often a checkpoint is stored when the tree has grown (read by the scheduler's expression). */
    @WithDefault("60s")
    Duration checkpointInterval();

    /**
     * The least time between two seals of one instance, which place the leaves written meanwhile in
     * the tree: longer means fewer, larger seals, and leaf indexes that show later.
     */
    @WithDefault("100ms")
    Duration sealDelay();
}
