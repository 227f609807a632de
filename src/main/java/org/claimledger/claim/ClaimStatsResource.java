package org.claimledger.claim;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.claimledger.common.http.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/stats/claims")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
class ClaimStatsResource {

    private final ClaimReports reports;

    ClaimStatsResource(ClaimReports reports) {
        this.reports = reports;
    }

    @GET
    @Operation(operationId = "getClaimStats", summary = "How many claims there are, by status and by type")
    public ClaimStats stats(
            @RestQuery("articleId") @Parameter(description = "Claims linked to this article",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) UUID articleId,
            @RestQuery @Parameter(description = "Claims carrying this tag", schema = @Schema(maxLength = 100)) String tag,
            @RestQuery("updatedSince") @Parameter(description = "Claims changed at or after this instant (RFC 3339)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) Instant updatedSince) {
        return reports.stats(new ClaimFilter(null, null, null, null, Params.text("tag", tag, 100), articleId, updatedSince));
    }
}
