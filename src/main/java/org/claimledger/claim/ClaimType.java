package org.claimledger.claim;

/** The kind of assertion a claim makes. */
public enum ClaimType {
    CASUALTY_COUNT, ATTRIBUTION, QUANTITY, EVENT, QUOTE, OTHER
}
