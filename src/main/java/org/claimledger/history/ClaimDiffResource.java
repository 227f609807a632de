package org.claimledger.history;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.claimledger.common.http.Params;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/claims/{id}/diff")
@Tag(name = "History")
@Produces(MediaType.APPLICATION_JSON)
class ClaimDiffResource {

    private final HistoryService history;

    ClaimDiffResource(HistoryService history) {
        this.history = history;
    }

    @GET
    @Operation(operationId = "diffClaimRevisions", summary = "The field-level changes between two revisions of a claim")
    public DiffResponse diff(@RestPath UUID id,
            @RestQuery("from") @Parameter(required = true, description = "The earlier revision",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) Long from,
            @RestQuery("to") @Parameter(required = true, description = "The later revision",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) Long to) {
        return history.diff(EntityType.CLAIM, id, Params.required("from", from), Params.required("to", to));
    }
}
