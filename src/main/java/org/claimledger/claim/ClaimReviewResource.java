package org.claimledger.claim;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Verdicts as schema.org ClaimReview, for publishers' pages. */
@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/claims/{id}/claimreview")
@Tag(name = "ClaimReview", description = "Verdicts as schema.org ClaimReview (JSON-LD)")
class ClaimReviewResource {

    static final String LD_JSON = "application/ld+json";

    private final ClaimReviews reviews;

    ClaimReviewResource(ClaimReviews reviews) {
        this.reviews = reviews;
    }

    @GET
    // JSON-LD is JSON: application/json is served too, JSON-LD stays the preferred (first) type
    @Produces({LD_JSON, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getClaimReview", summary = "A claim's verdict as schema.org ClaimReview",
            description = "Rating scale 1 (worst) to 5 (best): FALSE 1, MISLEADING 2, DISPUTED 3, UNPROVEN 3, VERIFIED 5.")
    @APIResponse(responseCode = "200", description = "JSON-LD", content = {
            @Content(mediaType = LD_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT))})
    @APIResponse(responseCode = "409", description = "The claim has no verdict",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ObjectNode claimReview(@RestPath UUID id) {
        return reviews.of(id);
    }
}
