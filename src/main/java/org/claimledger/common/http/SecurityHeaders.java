package org.claimledger.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Headers every answer carries: no content sniffing, and no caching of what a caller's credentials unlocked. */
public class SecurityHeaders {

    @ServerResponseFilter
    public void add(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (request.getHeaderString("Authorization") != null) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
