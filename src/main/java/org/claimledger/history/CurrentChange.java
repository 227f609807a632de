package org.claimledger.history;

import jakarta.enterprise.context.RequestScoped;
import org.claimledger.security.Actor;

/**
 * What the current request says about its change: its X-Change-Reason and X-Request-Id (read by
 * {@link ChangeHeaders}) and the authenticated actor. Writing services turn it into the
 * {@link ChangeContext} they pass to the ledger.
 */
@RequestScoped
public class CurrentChange {

    private final Actor actor;
    private String reason;
    private String requestId;

    CurrentChange(Actor actor) {
        this.actor = actor;
    }

    void set(String reason, String requestId) {
        this.reason = reason;
        this.requestId = requestId;
    }

    /** The change this request makes: who, why (null when no header said), which request. */
    public ChangeContext context() {
        return new ChangeContext(actor.name(), reason, requestId);
    }
}
