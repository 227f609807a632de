package org.claimledger.claim;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.claimledger.common.idempotency.IdempotentCreates;
import org.claimledger.common.idempotency.Created;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.claimledger.common.http.ETags;
import org.claimledger.common.http.Responses;
import org.claimledger.common.paging.Page;
import org.claimledger.common.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/claims/{claimId}/sources")
@Tag(name = "Sources", description = "The evidence for or against a claim")
@Produces(MediaType.APPLICATION_JSON)
class SourceResource {

    private final SourceService sources;

    private final IdempotentCreates idempotency;

    SourceResource(SourceService sources, IdempotentCreates idempotency) {
        this.sources = sources;
        this.idempotency = idempotency;
    }

    @RolesAllowed(Role.CHECKER_NAME)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addSource", summary = "Add a source to a claim")
    @APIResponse(responseCode = "201", description = "Created; Location names the new source",
            content = @Content(schema = @Schema(implementation = SourceResponse.class)))
    public Response add(@RestPath UUID claimId,
            @RestHeader("Idempotency-Key") @Parameter(description = "Makes a retry safe: the same key with the same body replays the first response", schema = @Schema(maxLength = 255)) String idempotencyKey,
            @NotNull @Valid SourceRequest request, UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /api/v1/claims/" + claimId + "/sources", request, () -> {
            SourceResponse created = sources.add(claimId, request);
            return new Created(created, uri.getRequestUriBuilder().replaceQuery(null)
                    .path(created.id().toString()).build());
        });
    }

    @GET
    @Operation(operationId = "listSources", summary = "List a claim's sources")
    public RestResponse<Page<SourceResponse>> list(@RestPath UUID claimId, @BeanParam PageParams page, UriInfo uri) {
        return Responses.page(sources.list(claimId, page.toRequest()), uri.getRequestUriBuilder());
    }

    @GET
    @Path("/{sourceId}")
    @Operation(operationId = "getSource", summary = "Read one source")
    public RestResponse<SourceResponse> get(@RestPath UUID claimId, @RestPath UUID sourceId,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return Responses.read(sources.get(claimId, sourceId), ifNoneMatch);
    }

    @RolesAllowed(Role.CHECKER_NAME)
    @PATCH
    @Path("/{sourceId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateSource", summary = "Change a source (JSON Merge Patch)",
            description = "Send If-Match with the ETag you read. A member set to null clears it.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = SourcePatch.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourcePatch.class))})
    @APIResponse(responseCode = "200", description = "The changed source",
            content = @Content(schema = @Schema(implementation = SourceResponse.class)))
    @APIResponse(responseCode = "409", description = "The claim has a verdict that rests on what would change "
            + "(verdict-stands: reopen it first), or the change would leave the verdict without what it needs "
            + "(verdict-rule-broken)", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "Problem")))
    public RestResponse<SourceResponse> update(@RestPath UUID claimId, @RestPath UUID sourceId,
            @RestHeader("If-Match") String ifMatch, JsonNode patch) {
        var precondition = ETags.requireIfMatch(ifMatch);
        return Responses.ok(sources.update(claimId, sourceId, precondition, patch));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @DELETE
    @Path("/{sourceId}")
    @Operation(operationId = "deleteSource", summary = "Remove a source from a claim (soft: the record is kept)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The claim has a verdict that rests on what would change "
            + "(verdict-stands: reopen it first), or the change would leave the verdict without what it needs "
            + "(verdict-rule-broken)", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "Problem")))
    public void delete(@RestPath UUID claimId, @RestPath UUID sourceId, @RestHeader("If-Match") String ifMatch) {
        sources.delete(claimId, sourceId, ETags.requireIfMatch(ifMatch));
    }
}
