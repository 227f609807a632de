package org.claimledger.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Turns a bearer token into the caller's identity: an API key (cl_...) by its stored hash, any other
 * token as a JWT of the configured identity provider. The identity carries the caller's name and
 * its role with every role that role includes.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final ApiKeyService keys;
    private final JwtTokens jwts;

    ApiKeyIdentityProvider(ApiKeyService keys, JwtTokens jwts) {
        this.keys = keys;
        this.jwts = jwts;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (apiKey(token)) {
            // a key verified within the minute: answered on the I/O thread, no database read
            SecurityIdentity remembered = keys.remembered(token);
            if (remembered != null) {
                return Uni.createFrom().item(remembered);
            }
        }
        return context.runBlocking(() -> identity(token));
    }

    private static boolean apiKey(String token) {
        return token != null && token.startsWith(ApiKeyService.PREFIX) && token.length() <= 200;
    }

    @ActivateRequestContext
    SecurityIdentity identity(String token) {
        if (token != null && !token.startsWith(ApiKeyService.PREFIX) && jwts.configured() && token.length() < 16_384) {
            JwtTokens.Caller caller = jwts.verify(token);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(caller.name()))
                    .addRole(caller.role().roleName())
                    .addAttribute("credential", "jwt")
                    .build();
        }
        if (!apiKey(token)) {
            throw new AuthenticationFailedException("not a valid API key");
        }
        return keys.authenticate(token).orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key"));
    }
}
