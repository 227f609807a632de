package org.claimledger.history;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.claimledger.common.http.Params;
import org.claimledger.common.http.Responses;
import org.claimledger.common.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/articles/{id}/history")
@Tag(name = "History")
@Produces(MediaType.APPLICATION_JSON)
class ArticleHistoryResource {

    private final HistoryService history;

    ArticleHistoryResource(HistoryService history) {
        this.history = history;
    }

    @GET
    @Operation(operationId = "listArticleHistory", summary = "An article's revisions, newest first, with field-level changes")
    public RestResponse<Page<RevisionResponse>> list(@RestPath UUID id,
            @RestQuery @Parameter(description = "Only revisions that changed this field", schema = @Schema(maxLength = 200))
            String field,
            @BeanParam HistoryParams params, UriInfo uri) {
        return Responses.page(history.page(EntityType.ARTICLE, id, params.actor(), Params.text("field", field, 200),
                params.since(), params.until(), params.limit(), params.cursor()), uri.getRequestUriBuilder());
    }
}
