package org.claimledger.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Treats {@code %3A} in a path as the colon it stands for (RFC 3986 makes them equivalent in a
 * path segment), so that custom methods such as {@code /claims/status:batch} are found however a
 * client encodes them.
 */
@Provider
@PreMatching
public class ColonInPath implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        if (raw != null && (raw.contains("%3A") || raw.contains("%3a"))) {
            String path = raw.replace("%3A", ":").replace("%3a", ":");
            String query = uri.getRawQuery();
            request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                    + (query == null ? "" : "?" + query)));
        }
    }
}
