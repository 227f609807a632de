package org.claimledger.claim;

/** How exact a figure is ("over 70" is MORE_THAN 70). */
public enum Qualifier {
    EXACT, AT_LEAST, MORE_THAN, AT_MOST, FEWER_THAN, APPROXIMATELY, RANGE
}
