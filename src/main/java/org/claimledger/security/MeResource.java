package org.claimledger.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Comparator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets a client (the dashboard) learn whose key it holds and which controls to offer. */
@Path("/api/v1/me")
@Tag(name = "Caller", description = "Who the sent credentials belong to")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READER_NAME)
class MeResource {

    private final SecurityIdentity identity;

    MeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "getCaller", summary = "Who the sent credentials belong to: name and highest role")
    public CallerResponse me() {
        Role role = Arrays.stream(Role.values()).filter(r -> identity.hasRole(r.roleName()))
                .max(Comparator.naturalOrder()).orElse(Role.READER);
        return new CallerResponse(identity.getPrincipal().getName(), role);
    }
}
