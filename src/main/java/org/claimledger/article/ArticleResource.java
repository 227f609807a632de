package org.claimledger.article;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimledger.common.idempotency.IdempotentCreates;
import org.claimledger.common.idempotency.Created;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.claimledger.common.http.ETags;
import org.claimledger.common.http.Params;
import org.claimledger.common.http.Responses;
import org.claimledger.common.paging.Page;
import org.claimledger.common.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@RolesAllowed(Role.READER_NAME)
@Path(ArticleResource.PATH)
@Tag(name = "Articles", description = "The stories that make, cite or fact-check claims")
@Produces(MediaType.APPLICATION_JSON)
class ArticleResource {

    static final String PATH = "/api/v1/articles";

    private final ArticleService articles;

    private final IdempotentCreates idempotency;

    ArticleResource(ArticleService articles, IdempotentCreates idempotency) {
        this.articles = articles;
        this.idempotency = idempotency;
    }

    @RolesAllowed(Role.CHECKER_NAME)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArticle", summary = "Record an article")
    @APIResponse(responseCode = "201", description = "Created; Location names the new article",
            content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "409", description = "An article with this url exists (Location names it), or a "
            + "request with the same Idempotency-Key is still in flight (retry after Retry-After)",
            headers = {@Header(name = "Location", description = "The article that has this url",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Retry-After", description = "Seconds after which to retry the same key",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "Problem")))
    public Response create(
            @RestHeader("Idempotency-Key") @Parameter(description = "Makes a retry safe: the same key with the same body replays the first response", schema = @Schema(maxLength = 255)) String idempotencyKey,
            @NotNull @Valid ArticleRequest request, UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST " + PATH, request, () -> {
            ArticleResponse created = articles.create(request);
            return new Created(created, uri.getBaseUriBuilder().path(PATH).path(created.id().toString()).build());
        });
    }

    @GET
    @Operation(operationId = "listArticles", summary = "List articles, newest first",
            description = "Keyset-paginated; filters combine with AND.")
    public RestResponse<Page<ArticleResponse>> list(
            @RestQuery @Parameter(description = "Exact publisher, case-insensitive", schema = @Schema(maxLength = 500))
            String publisher,
            @RestQuery @Parameter(description = "Find the article with this url (normalised like on create)",
                    schema = @Schema(maxLength = 2048)) String url,
            @BeanParam PageParams page, UriInfo uri) {
        var result = articles.list(Params.text("publisher", publisher, 500), Params.text("url", url, 2048),
                page.toRequest());
        return Responses.page(result, uri.getRequestUriBuilder());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getArticle", summary = "Read one article")
    public RestResponse<ArticleResponse> get(@RestPath UUID id,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return Responses.read(articles.get(id), ifNoneMatch);
    }

    @RolesAllowed(Role.CHECKER_NAME)
    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateArticle", summary = "Change an article (JSON Merge Patch)",
            description = "Send If-Match with the ETag you read. A member set to null clears it.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = ArticlePatch.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticlePatch.class))})
    @APIResponse(responseCode = "200", description = "The changed article",
            content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "409", description = "Another article already has the new url; Location names it",
            headers = @Header(name = "Location", description = "The article that has this url",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public RestResponse<ArticleResponse> update(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
            JsonNode patch) {
        var precondition = ETags.requireIfMatch(ifMatch);
        return Responses.ok(articles.update(id, precondition, patch));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteArticle", summary = "Delete an article (soft: the record is kept)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        articles.delete(id, ETags.requireIfMatch(ifMatch));
    }
}
