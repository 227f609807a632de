package org.claimledger.claim;

/** How an article relates to a claim. */
public enum LinkRole {
    APPEARS_IN, CITED_BY, FACT_CHECKED_IN
}
