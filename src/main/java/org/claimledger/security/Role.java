package org.claimledger.security;

/**
 * What a caller may do. Each role includes the ones before it: the identity carries only its own
 * role, and {@code quarkus.http.auth.roles-mapping} in application.properties adds the ones it includes.
 */
public enum Role {
    /** Every GET. */
    READER,
    /** Create and edit articles, claims, sources and links; move a claim to IN_REVIEW. */
    CHECKER,
    /** Verdicts, SUPERSEDED, bulk status changes, deletes. */
    EDITOR,
    /** API keys. */
    ADMIN;

    public static final String READER_NAME = "reader";
    public static final String CHECKER_NAME = "checker";
    public static final String EDITOR_NAME = "editor";
    public static final String ADMIN_NAME = "admin";

    public String roleName() {
        return name().toLowerCase();
    }
}
