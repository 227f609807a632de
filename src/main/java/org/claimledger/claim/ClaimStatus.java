package org.claimledger.claim;

/** Where a claim stands in verification. */
public enum ClaimStatus {
    UNVERIFIED, IN_REVIEW, VERIFIED, FALSE, MISLEADING, DISPUTED, UNPROVEN, SUPERSEDED
}
