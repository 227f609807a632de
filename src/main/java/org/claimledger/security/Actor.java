package org.claimledger.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is making the current request: the name that scopes Idempotency-Keys (and, with the history,
 * that revisions record). Until authentication exists every caller is {@code anonymous}.
 */
@RequestScoped
public class Actor {

    public static final String ANONYMOUS = "anonymous";

    public String name() {
        return ANONYMOUS;
    }
}
