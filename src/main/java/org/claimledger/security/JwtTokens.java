package org.claimledger.security;

import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies JWTs from the newsroom's identity provider, when one is configured
 * ({@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.publickey.location}): signature (RS256,
 * never {@code alg: none}), issuer and expiry, with a clock-skew allowance of
 * {@code mp.jwt.verify.clock.skew} seconds (5 by default: a token that expired 30 s ago is refused).
 * The caller's role is the highest of the
 * {@code groups} claim's reader, checker, editor and admin.
 */
@ApplicationScoped
public class JwtTokens {

    record Caller(String name, Role role) {
    }

    private final Optional<JWTParser> parser;

    JwtTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKey,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "5") int clockSkewSeconds) {
        if (issuer.isPresent() && publicKey.isPresent()) {
            JWTAuthContextInfo info = new JWTAuthContextInfo(publicKey.get(), issuer.get());
            info.setClockSkew(clockSkewSeconds);
            this.parser = Optional.of(new DefaultJWTParser(info));
        } else {
            this.parser = Optional.empty();
        }
    }

    public boolean configured() {
        return parser.isPresent();
    }

    Caller verify(String token) {
        if (parser.isEmpty()) {
            throw new AuthenticationFailedException("no identity provider is configured for JWTs");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.get().parse(token);
        } catch (ParseException e) {
            throw new AuthenticationFailedException("the JWT is not valid: " + e.getMessage());
        }
        String name = jwt.getClaim("preferred_username") != null ? jwt.getClaim("preferred_username").toString()
                : jwt.getSubject();
        if (name == null || name.isBlank()) {
            throw new AuthenticationFailedException("the JWT names no user (preferred_username or sub)");
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        Role role = Arrays.stream(Role.values()).filter(r -> groups.contains(r.roleName()))
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new AuthenticationFailedException("the JWT's groups hold none of reader, checker, "
                        + "editor, admin"));
        return new Caller(name, role);
    }
}
