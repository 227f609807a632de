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

    private static final String ENCODED = "/status%3abatch";

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        // only the custom methods we have, and nothing else: rewriting other escapes would decode twice
        if (raw != null && raw.toLowerCase(java.util.Locale.ROOT).endsWith(ENCODED)) {
            String path = raw.substring(0, raw.length() - ENCODED.length()) + "/status:batch";
            String query = uri.getRawQuery();
            request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                    + (query == null ? "" : "?" + query)));
        }
    }
}
