package org.claimledger.claim;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.claimledger.matching.SimilarClaims;
import org.claimledger.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/claims/{id}/similar")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
class SimilarClaimsResource {

    private final ClaimDuplicates duplicates;

    SimilarClaimsResource(ClaimDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    @GET
    @Operation(operationId = "getSimilarClaims", summary = "Find recorded claims that may say the same as this one",
            description = "The ranking of POST /api/v1/claims:match for a recorded claim (itself left out); articles both "
                    + "claims are linked to count too.")
    @APIResponse(responseCode = "200", description = "The best matches, highest score first",
            content = @Content(schema = @Schema(implementation = SimilarClaims.class)))
    public SimilarClaims similar(@RestPath UUID id, @RestQuery("limit") @Parameter(description = "How many matches at most "
            + "(1..50, default 10)", schema = @Schema(minimum = "1", maximum = "50", defaultValue = "10")) Integer limit) {
        return SimilarClaims.of(duplicates.similar(id, limit));
    }
}
