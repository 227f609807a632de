package org.claimledger.claim;

/** Whether the claimant is a person or an organisation (schema.org Person or Organization). */
public enum ClaimantKind {
    PERSON, ORGANIZATION
}
