package org.claimledger.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What a caller may do. Each role includes the ones before it. */
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

    /** This role's name and the names of every role it includes. */
    public Set<String> impliedRoleNames() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Role::roleName)
                .collect(Collectors.toSet());
    }
}
