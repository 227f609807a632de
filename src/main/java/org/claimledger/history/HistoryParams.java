package org.claimledger.history;

import java.time.Instant;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.http.Params;
import org.claimledger.common.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters of history lists; bad values get a 400 problem (see QueryParamConverters). */
public class HistoryParams {

    @RestQuery
    @Parameter(description = "Only revisions by this actor", schema = @Schema(maxLength = 200))
    String actor;

    @RestQuery("since")
    @Parameter(description = "Only revisions at or after this instant (RFC 3339)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    Instant since;

    @RestQuery("until")
    @Parameter(description = "Only revisions before this instant (RFC 3339)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    Instant until;

    @RestQuery("limit")
    @Parameter(description = "Items per page, 1 to 200.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "50"))
    Integer limit;

    @RestQuery
    @Parameter(description = "The nextCursor of the previous page; omit for the first page.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1000))
    String cursor;

    String actor() {
        return Params.text("actor", actor, 200);
    }

    Instant since() {
        return since;
    }

    Instant until() {
        return until;
    }

    int limit() {
        return PageRequest.of(limit, null, null).limit();
    }

    String cursor() {
        return cursor;
    }

    /** A revision number given in a path or query. */
    static long revision(String name, String value) {
        try {
            if (value != null && !value.isBlank()) {
                long rev = Long.parseLong(value.trim());
                if (rev > 0) {
                    return rev;
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ProblemException.invalidParameter(name, name + " must be a revision number (a positive whole number)");
    }
}
