package org.claimledger.claim;

/** Whether a source supports the claim, refutes it, or only gives context. */
public enum Stance {
    SUPPORTS, REFUTES, CONTEXT
}
