package org.claimledger.claim;

/** What the actor of an attribution is said to have done. */
public enum AttributionRole {
    RESPONSIBLE, ACCUSED, CLAIMED_RESPONSIBILITY, DENIED
}
