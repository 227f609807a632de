package org.claimledger.history;

import jakarta.enterprise.context.RequestScoped;

/** Why the current request changes data (X-Change-Reason) and which request it is (X-Request-Id). */
@RequestScoped
public class ChangeContext {

    private String reason;
    private String requestId;

    public String reason() {
        return reason;
    }

    public String requestId() {
        return requestId;
    }

    void set(String reason, String requestId) {
        this.reason = reason;
        this.requestId = requestId;
    }

    /** Lets a write give its own reason, such as a status change's explanation, when no header gave one. */
    public void reasonIfAbsent(String fallback) {
        if (reason == null || reason.isBlank()) {
            reason = fallback;
        }
    }
}
