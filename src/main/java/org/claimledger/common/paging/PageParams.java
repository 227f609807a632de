package org.claimledger.common.paging;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters every list shares; bad values get a 400 problem (see QueryParamConverters). */
public class PageParams {

    @RestQuery("limit")
    @Parameter(description = "Items per page, 1 to 200.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "50"))
    Integer limit;

    @RestQuery
    @Parameter(description = "Order of the list; a leading '-' means newest first.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"-createdAt", "createdAt", "-updatedAt", "updatedAt"},
                    defaultValue = "-createdAt"))
    String sort;

    @RestQuery
    @Parameter(description = "The nextCursor of the previous page; omit for the first page.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1000))
    String cursor;

    public PageRequest toRequest() {
        return PageRequest.of(limit, sort, cursor);
    }
}
