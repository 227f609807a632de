package org.claimledger.history;

/**
 * Who makes a change, why, and in which request: given explicitly to every ledger write, which
 * stamps the transaction's revision with it. Built by the writing service from the authenticated
 * actor and the request's X-Change-Reason and X-Request-Id ({@link CurrentChange}).
 */
public record ChangeContext(String actor, String reason, String requestId) {

    /** A change no request asked for, such as a scheduled job's. */
    public static ChangeContext system(String reason) {
        return new ChangeContext("system", reason, null);
    }

    /** This change with its own reason, such as a status change's explanation, when the request gave none. */
    public ChangeContext withReasonIfAbsent(String fallback) {
        return reason == null || reason.isBlank() ? new ChangeContext(actor, fallback, requestId) : this;
    }
}
