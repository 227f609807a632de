package org.claimledger.claim;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.UUID;

/**
 * Domain counters for dashboards and alerts, counted once a change has committed: the services
 * fire {@link Created} and {@link StatusChanged}, and only a successful transaction delivers them.
 */
@ApplicationScoped
class ClaimMetrics {

    /** A claim was created. */
    record Created(UUID id) {
    }

    /** A claim moved through the workflow. */
    record StatusChanged(UUID id, ClaimStatus to) {
    }

    private final MeterRegistry registry;

    ClaimMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) Created created) {
        registry.counter("claims.created").increment();
    }

    void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged change) {
        registry.counter("claims.status.changes", "status", change.to().name()).increment();
    }
}
