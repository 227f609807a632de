package org.claimledger.source;

/** What kind of source backs or contests a claim. */
public enum SourceKind {
    PRIMARY, OFFICIAL, NEWS_REPORT, SOCIAL_MEDIA, EXPERT, OTHER
}
