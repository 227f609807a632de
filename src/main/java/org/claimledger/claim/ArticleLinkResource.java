package org.claimledger.claim;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.claimledger.common.http.ETags;
import org.claimledger.common.http.Responses;
import org.claimledger.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** A claim's link to an article it appears in (or that debunks it, ...): one link per pair, set with PUT. */
@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/claims/{id}/articles/{articleId}")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
class ArticleLinkResource {

    private final ArticleLinkService links;

    ArticleLinkResource(ArticleLinkService links) {
        this.links = links;
    }

    @RolesAllowed(Role.CHECKER_NAME)
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "linkArticle", summary = "Link a claim to an article, or change the link",
            description = "Creates the link (201) or changes it (200, needs If-Match). Repeating the same PUT is "
                    + "harmless. Send If-None-Match: * to create only.")
    @APIResponse(responseCode = "200", description = "The link was changed, or already was as requested",
            content = @Content(schema = @Schema(implementation = ArticleLinkResponse.class)))
    @APIResponse(responseCode = "201", description = "The link was created",
            content = @Content(schema = @Schema(implementation = ArticleLinkResponse.class)))
    public RestResponse<ArticleLinkResponse> link(@RestPath UUID id, @RestPath UUID articleId,
            @RestHeader("If-Match") String ifMatch, @RestHeader("If-None-Match") String ifNoneMatch,
            @NotNull @Valid ArticleLinkRequest request, UriInfo uri) {
        var put = links.put(id, articleId, request, ETags.optionalIfMatch(ifMatch), ETags.onlyIfAbsent(ifNoneMatch));
        return put.created()
                ? Responses.created(put.link(), uri.getRequestUriBuilder().replaceQuery(null).build())
                : Responses.ok(put.link());
    }

    @GET
    @Operation(operationId = "getArticleLink", summary = "Read a claim's link to an article")
    public RestResponse<ArticleLinkResponse> getLink(@RestPath UUID id, @RestPath UUID articleId,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return Responses.read(links.get(id, articleId), ifNoneMatch);
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @DELETE
    @Operation(operationId = "unlinkArticle", summary = "Remove a claim's link to an article (soft)")
    @APIResponse(responseCode = "204", description = "Unlinked")
    public void unlink(@RestPath UUID id, @RestPath UUID articleId, @RestHeader("If-Match") String ifMatch) {
        links.delete(id, articleId, ETags.requireIfMatch(ifMatch));
    }
}
