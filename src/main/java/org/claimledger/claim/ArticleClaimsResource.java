package org.claimledger.claim;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.claimledger.common.http.Responses;
import org.claimledger.common.paging.Page;
import org.claimledger.common.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** The claims side of an article: served by the claim feature, which owns the links. */
@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/articles/{id}/claims")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
class ArticleClaimsResource {

    private final ArticleLinkService links;

    ArticleClaimsResource(ArticleLinkService links) {
        this.links = links;
    }

    @GET
    @Operation(operationId = "listArticleClaims", summary = "List the claims linked to an article, with their roles")
    public RestResponse<Page<LinkedClaim>> list(@RestPath UUID id, @BeanParam PageParams page, UriInfo uri) {
        return Responses.page(links.claimsOf(id, page.toRequest()), uri.getRequestUriBuilder());
    }
}
