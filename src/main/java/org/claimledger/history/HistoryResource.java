package org.claimledger.history;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.claimledger.common.http.Responses;
import org.claimledger.common.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The ledger-wide history: the sync feed for newsroom tools, and verification of every chain. */
@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/history")
@Tag(name = "History")
@Produces(MediaType.APPLICATION_JSON)
class HistoryResource {

    private final HistoryService history;

    HistoryResource(HistoryService history) {
        this.history = history;
    }

    @GET
    @Operation(operationId = "listRevisions", summary = "Every revision of the ledger",
            description = "Newest first; oldest first when since is given, so that a newsroom tool can sync "
                    + "everything after a point by following nextCursor. A revision appears only once every "
                    + "lower-numbered one has committed, so following the feed never skips one.")
    public RestResponse<Page<RevisionResponse>> feed(
            @RestQuery("entityType") @Parameter(description = "CLAIM (with its sources and links) or ARTICLE",
                    schema = @Schema(implementation = EntityType.class)) EntityType entityType,
            @BeanParam HistoryParams params, UriInfo uri) {
        var page = history.feed(entityType, params.actor(),
                params.since(), params.until(), params.limit(), params.cursor());
        return Responses.page(page, uri.getRequestUriBuilder());
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyLedger", summary = "Recompute every hash chain of the ledger",
            description = "Streams the history, so memory stays bounded whatever its size.")
    public LedgerVerifyResponse verifyAll() {
        return history.verifyAll();
    }
}
