package org.claimledger.claim;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimledger.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    public ClaimStats stats(@BeanParam ClaimStatsParams filter) {
        return reports.stats(filter.toFilter());
    }
}
