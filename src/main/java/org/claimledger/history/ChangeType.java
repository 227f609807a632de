package org.claimledger.history;

/** What a revision did to an entity. */
public enum ChangeType {
    CREATED, UPDATED, DELETED
}
