package org.claimledger.claim;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimledger.matching.SimilarClaims;
import org.claimledger.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Which recorded claims a claim being written may say the same as: before creating it, or instead. */
@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/claims:match")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
class ClaimMatchResource {

    private final ClaimDuplicates duplicates;

    ClaimMatchResource(ClaimDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "matchClaims", summary = "Find recorded claims that may say the same as a draft",
            description = "The draft has the shape of a create (and its rules); nothing is written. Live claims that are "
                    + "not confirmed duplicates, ranked by a score in [0, 1] with its reasons: statement similarity "
                    + "(number words read as digits), the same figure (measure, subject, overlapping bounds), the same "
                    + "attribution (actor and role), claim dates close together, shared tags.")
    @APIResponse(responseCode = "200", description = "The best matches, highest score first",
            content = @Content(schema = @Schema(implementation = SimilarClaims.class)))
    public SimilarClaims match(@RestQuery("limit") @Parameter(description = "How many matches at most (1..50, default 10)",
            schema = @Schema(minimum = "1", maximum = "50", defaultValue = "10")) Integer limit,
            @NotNull @Valid ClaimRequest draft) {
        return SimilarClaims.of(duplicates.match(draft, limit));
    }
}
