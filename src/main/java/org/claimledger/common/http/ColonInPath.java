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

    /** The custom methods' verbs, encoded: claims/status:batch, webhooks/{id}/secret:rotate, .../{deliveryId}:retry, claims:match. */
    private static final java.util.List<String> ENCODED = java.util.List.of("%3abatch", "%3arotate", "%3aretry", "%3amatch");

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        // only the custom methods we have, and nothing else: rewriting other escapes would decode twice
        if (raw == null) {
            return;
        }
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        for (String encoded : ENCODED) {
            if (lower.endsWith(encoded)) {
                String path = raw.substring(0, raw.length() - encoded.length()) + ":" + encoded.substring(3);
                String query = uri.getRawQuery();
                request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                        + (query == null ? "" : "?" + query)));
                return;
            }
        }
    }
}
