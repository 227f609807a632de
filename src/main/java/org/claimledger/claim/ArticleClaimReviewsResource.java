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

/** An article's reviewed claims as one JSON-LD graph, for the article's page. */
@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/articles/{id}/claimreviews")
@Tag(name = "ClaimReview")
class ArticleClaimReviewsResource {

    private final ClaimReviews reviews;

    ArticleClaimReviewsResource(ClaimReviews reviews) {
        this.reviews = reviews;
    }

    @GET
    // JSON-LD is JSON: application/json is served too, JSON-LD stays the preferred (first) type
    @Produces({ClaimReviewResource.LD_JSON, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getArticleClaimReviews",
            summary = "Every reviewed claim linked to an article, as one JSON-LD @graph to embed in its page")
    @APIResponse(responseCode = "200", description = "JSON-LD", content = {
            @Content(mediaType = ClaimReviewResource.LD_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT))})
    public ObjectNode articleClaimReviews(@RestPath UUID id) {
        return reviews.ofArticle(id);
    }
}
