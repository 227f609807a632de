package org.claimledger.claim;

/** What kind of source backs or contests a claim. */
public enum SourceKind {
    PRIMARY, OFFICIAL, NEWS_REPORT, SOCIAL_MEDIA, EXPERT, OTHER
}
