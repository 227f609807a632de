package org.claimledger.common.http;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.claimledger.common.paging.Page;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** The HTTP shapes every resource answers with: ETags on single resources, Link on pages. */
public final class Responses {

    private Responses() {
    }

    /** 200 with the ETag, or 304 with no body when {@code If-None-Match} already names it. */
    public static <T extends Versioned> RestResponse<T> read(T body, String ifNoneMatch) {
        if (ETags.noneMatchHits(ifNoneMatch, body.version())) {
            return ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED).tag(ETags.value(body.version())).build();
        }
        return ok(body);
    }

    public static <T extends Versioned> RestResponse<T> ok(T body) {
        return ResponseBuilder.ok(body).tag(ETags.value(body.version())).build();
    }

    public static <T extends Versioned> RestResponse<T> created(T body, URI location) {
        return ResponseBuilder.<T>created(location).entity(body).tag(ETags.value(body.version())).build();
    }

    /** 200 with a list body whose next page starts at {@code nextCursor}, and Link when there is one. */
    public static <T> RestResponse<T> page(T body, String nextCursor, UriBuilder self) {
        var builder = ResponseBuilder.ok(body);
        if (nextCursor != null) {
            URI next = self.replaceQueryParam("cursor", nextCursor).build();
            builder.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return builder.build();
    }

    /** 200 with the page, and {@code Link: <...>; rel="next"} when there is a next page. */
    public static <T> RestResponse<Page<T>> page(Page<T> page, UriBuilder self) {
        var builder = ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            URI next = self.replaceQueryParam("cursor", page.nextCursor()).build();
            builder.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return builder.build();
    }
}
