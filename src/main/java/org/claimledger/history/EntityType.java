package org.claimledger.history;

/** What a history entry is about. A claim's sources and links are part of the claim's history. */
public enum EntityType {
    CLAIM, ARTICLE
}
