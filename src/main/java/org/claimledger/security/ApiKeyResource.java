package org.claimledger.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import org.claimledger.common.paging.Page;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/api-keys")
@Tag(name = "API keys", description = "Credentials of newsroom tools and dashboards (admin only)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
class ApiKeyResource {

    private final ApiKeyService keys;

    ApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Issue an API key; its secret is in this answer only")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ApiKeyResponse.class)))
    public RestResponse<ApiKeyResponse> create(@NotNull @Valid ApiKeyRequest request, UriInfo uri) {
        ApiKeyResponse created = keys.create(request);
        return RestResponse.ResponseBuilder.<ApiKeyResponse>created(
                uri.getBaseUriBuilder().path("/api/v1/api-keys").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "The live API keys, without their secrets",
            description = "Every live key in one page, like every list: `{\"items\": [...], \"nextCursor\": null}`.")
    public Page<ApiKeyResponse> list() {
        return new Page<>(keys.list(), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key, effective on its next request")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@RestPath UUID id) {
        keys.revoke(id);
    }
}
