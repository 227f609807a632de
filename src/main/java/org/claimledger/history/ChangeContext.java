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

    /**
     * This change with a note of what the service itself did, such as reopening a claim whose verdict
     * the change made stale, after the request's reason if it gave one (at most 500 characters).
     */
    public ChangeContext withNote(String note) {
        if (note == null) {
            return this;
        }
        String joined = reason == null || reason.isBlank() ? note : reason + "; " + note;
        return new ChangeContext(actor, joined.length() <= 500 ? joined : joined.substring(0, 497) + "...", requestId);
    }

    /** This change with its own reason, such as a status change's explanation, when the request gave none. */
    public ChangeContext withReasonIfAbsent(String fallback) {
        return reason == null || reason.isBlank() ? new ChangeContext(actor, fallback, requestId) : this;
    }
}
