package org.claimledger.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.claimledger.common.http.Caller;

/**
 * Who is making the current request: the authenticated name (an API key's name), which scopes
 * Idempotency-Keys and is recorded as the actor of every revision.
 */
@RequestScoped
public class Actor implements Caller {

    public static final String ANONYMOUS = "anonymous";

    private final SecurityIdentity identity;

    Actor(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public String name() {
        return identity == null || identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }

    public boolean has(Role role) {
        return identity != null && identity.hasRole(role.roleName());
    }
}
