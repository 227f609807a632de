package org.claimledger.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.claimledger.common.paging.Page;
import org.claimledger.common.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;
import org.claimledger.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Signed webhooks (Standard Webhooks): subscriptions to the ledger's events, and their delivery log. */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed HTTP deliveries of the ledger's events (admin only)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
class WebhookResource {

    private final WebhookService webhooks;

    WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to the ledger's events; the signing secret "
            + "is in this answer only", description = "Events written from now on are POSTed to the URL, signed per "
            + "Standard Webhooks. The URL must be https and must not resolve to a loopback, private, link-local or "
            + "cloud metadata address (422).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    public RestResponse<WebhookResponse> create(@NotNull @Valid WebhookRequest request, UriInfo uri) {
        WebhookResponse created = webhooks.create(request);
        return RestResponse.ResponseBuilder.<WebhookResponse>created(
                uri.getBaseUriBuilder().path("/api/v1/webhooks").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The webhook subscriptions, without their secrets")
    public Page<WebhookResponse> list() {
        return webhooks.list();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook subscription, without its secret")
    public WebhookResponse get(@RestPath UUID id) {
        return webhooks.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateWebhook", summary = "Change a subscription's URL, events, description or enabled")
    public WebhookResponse update(@RestPath UUID id, @NotNull @Valid WebhookPatch patch) {
        return webhooks.update(id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@RestPath UUID id) {
        webhooks.delete(id);
    }

    @POST
    @Path("/{id}/secret:rotate")
    @Operation(operationId = "rotateWebhookSecret", summary = "Issue a new signing secret; the old one keeps "
            + "signing (a second v1 signature) for claims.webhooks.secret-grace")
    public WebhookResponse rotate(@RestPath UUID id) {
        return webhooks.rotate(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's deliveries, newest first: "
            + "status, attempts, last response code, next attempt")
    public Page<DeliveryResponse> deliveries(@RestPath UUID id,
            @RestQuery("limit") @Parameter(description = "Items per page, 1 to 200.", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) Integer limit,
            @RestQuery @Parameter(description = "The nextCursor of the previous page; omit for the first page.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 1000)) String cursor) {
        return webhooks.deliveries(id, PageRequest.of(limit, null, null).limit(), cursor);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}:retry")
    @Operation(operationId = "retryWebhookDelivery", summary = "Send a delivery again now, with the same webhook-id")
    public DeliveryResponse retry(@RestPath UUID id, @RestPath UUID deliveryId) {
        return webhooks.retry(id, deliveryId);
    }
}
