package org.claimledger.claim;

import org.claimledger.common.http.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The filters of claim stats, read as text so that bad values get a 400 problem. */
public class ClaimStatsParams {

    @RestQuery
    @Parameter(description = "Claims linked to this article", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    String articleId;

    @RestQuery
    @Parameter(description = "Claims carrying this tag", schema = @Schema(maxLength = 100))
    String tag;

    @RestQuery
    @Parameter(description = "Claims changed at or after this instant (RFC 3339)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    String updatedSince;

    ClaimFilter toFilter() {
        return new ClaimFilter(null, null, null, null, Params.text("tag", tag, 100),
                Params.uuid("articleId", articleId), Params.instant("updatedSince", updatedSince));
    }
}
