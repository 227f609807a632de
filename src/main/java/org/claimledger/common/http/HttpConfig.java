package org.claimledger.common.http;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code claims.http.*}: what requests may carry. Read when the REST providers are built, at startup. */
@StaticInitSafe
@ConfigMapping(prefix = "claims.http")
public interface HttpConfig {

    /** The largest request body; larger ones get a 413 problem. */
    @WithDefault("262144")
    long maxBodyBytes();
}
