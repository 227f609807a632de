package org.claimledger.claim;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Domain counters for dashboards and alerts, counted once a change has committed. */
@ApplicationScoped
class ClaimMetrics {

    private final MeterRegistry registry;

    ClaimMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void created() {
        registry.counter("claims.created").increment();
    }

    void statusChanged(ClaimStatus to) {
        registry.counter("claims.status.changes", "status", to.name()).increment();
    }
}
