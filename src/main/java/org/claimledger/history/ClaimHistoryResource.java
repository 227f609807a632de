package org.claimledger.history;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.claimledger.common.http.Params;
import org.claimledger.common.http.Responses;
import org.claimledger.common.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/claims/{id}/history")
@Tag(name = "History", description = "Every change, attributable, reconstructable and tamper-evident")
@Produces(MediaType.APPLICATION_JSON)
class ClaimHistoryResource {

    private final HistoryService history;

    ClaimHistoryResource(HistoryService history) {
        this.history = history;
    }

    @GET
    @Operation(operationId = "listClaimHistory", summary = "A claim's revisions, newest first, with field-level changes",
            description = "Changes to the claim's sources and article links are part of its history "
                    + "(sources[<id>].stance, articles[<articleId>].role). Readable after the claim is deleted.")
    public RestResponse<Page<RevisionResponse>> list(@RestPath UUID id,
            @RestQuery @Parameter(description = "Only revisions that changed this field or a field under it, "
                    + "such as quantity.value or sources", schema = @Schema(maxLength = 200)) String field,
            @BeanParam HistoryParams params, UriInfo uri) {
        return Responses.page(history.page(EntityType.CLAIM, id, params.actor(), Params.text("field", field, 200),
                params.since(), params.until(), params.limit(), params.cursor()), uri.getRequestUriBuilder());
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyClaimHistory", summary = "Recompute a claim's hash chain",
            description = "Each revision stores SHA-256(previous hash || revision metadata || content); a revision "
                    + "rewritten after the fact no longer matches, and verification names the first such revision.")
    public VerifyResponse verify(@RestPath UUID id) {
        return history.verify(EntityType.CLAIM, id);
    }

    @GET
    @Path("/{revision}")
    @Operation(operationId = "getClaimRevision", summary = "The whole claim, with sources and links, as it stood at a revision")
    @APIResponse(responseCode = "200", description = "The claim at that revision",
            content = @Content(schema = @Schema(ref = "Claim")))
    public JsonNode at(@RestPath UUID id,
            @RestPath @Parameter(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
                    format = "int64", minimum = "1"))
            String revision) {
        return history.snapshot(EntityType.CLAIM, id, HistoryParams.revision("revision", revision));
    }
}
