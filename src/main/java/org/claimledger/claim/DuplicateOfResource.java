package org.claimledger.claim;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.claimledger.common.http.ETags;
import org.claimledger.common.http.Responses;
import org.claimledger.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** A checker's confirmation that a claim says the same as one the desk already tracks, and its undoing. */
@RolesAllowed(Role.CHECKER_NAME)
@Path("/api/v1/claims/{id}/duplicate-of")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
class DuplicateOfResource {

    private final ClaimDuplicates duplicates;

    DuplicateOfResource(ClaimDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "markClaimDuplicate", summary = "Confirm that a claim duplicates a tracked one",
            description = "Send If-Match with the claim's ETag. The claim then shows duplicateOf, the change is a "
                    + "revision of its history, and lists can hide it (excludeDuplicates=true) or find it "
                    + "(duplicateOf=). No chains: the tracked claim may not itself be a duplicate, and a claim others "
                    + "duplicate may not become one (409 invalid-duplicate).")
    @APIResponse(responseCode = "200", description = "The claim, now a duplicate",
            content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    @APIResponse(responseCode = "409", description = "The link would make a chain or point the claim at itself",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public RestResponse<ClaimResponse> mark(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
            @NotNull @Valid DuplicateOf body) {
        return Responses.ok(duplicates.markDuplicate(id, ETags.requireIfMatch(ifMatch), body.claimId()));
    }

    @DELETE
    @Operation(operationId = "unmarkClaimDuplicate", summary = "Undo a claim's duplicate link",
            description = "Send If-Match with the claim's ETag; recorded in its history like the link was.")
    @APIResponse(responseCode = "200", description = "The claim, no longer a duplicate",
            content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    @APIResponse(responseCode = "409", description = "The claim is not marked as a duplicate",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public RestResponse<ClaimResponse> unmark(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        return Responses.ok(duplicates.unmarkDuplicate(id, ETags.requireIfMatch(ifMatch)));
    }
}
