package org.claimledger.source;

/** Whether a source supports the claim, refutes it, or only gives context. */
public enum Stance {
    SUPPORTS, REFUTES, CONTEXT
}
