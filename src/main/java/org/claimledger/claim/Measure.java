package org.claimledger.claim;

/** What a quantity counts. */
public enum Measure {
    KILLED, INJURED, MISSING, DISPLACED, ARRESTED, OTHER
}
