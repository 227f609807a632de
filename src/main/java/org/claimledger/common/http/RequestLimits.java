package org.claimledger.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;

/**
 * Refuses, before any work, what no operation accepts: control characters in the path or the query
 * (PostgreSQL cannot store NUL, and no id or filter contains one), a URL longer than 8 KiB (414) or
 * headers larger than 16 KiB (431), and bodies over the size limit (413, counted as the body is
 * read, so a chunked body is held to it too). The HTTP server's own limits
 * (quarkus.http.limits.max-initial-line-length and max-header-size) are set well above these, so
 * that a client usually meets these limits; what goes past the server's own is answered with the
 * same problems by {@link EdgeAnswers}.
 */
@Provider
@PreMatching
public class RequestLimits implements ContainerRequestFilter, ReaderInterceptor {

    static final int MAX_URL_CHARS = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final long maxBodyBytes;

    RequestLimits(HttpConfig config) {
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        if (raw.length() + (rawQuery == null ? 0 : rawQuery.length() + 1) > MAX_URL_CHARS) {
            throw new ProblemException(ProblemType.URI_TOO_LONG,
                    "the path and query may be at most " + MAX_URL_CHARS + " characters");
        }
        long headerBytes = 0;
        for (var header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            throw new ProblemException(ProblemType.HEADERS_TOO_LARGE,
                    "the request headers may be at most " + MAX_HEADER_BYTES / 1024 + " KiB together");
        }
        String path;
        try {
            path = request.getUriInfo().getPath();
            request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("path", "the URL has an invalid percent-encoding");
        }
        if (hasControl(path)) {
            throw ProblemException.invalidParameter("path", "the path contains control characters");
        }
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (hasControl(name) || values.stream().anyMatch(RequestLimits::hasControl)) {
                throw ProblemException.invalidParameter(name, "query parameter '" + printable(name)
                        + "' contains control characters");
            }
        });
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ProblemException.invalidParameter("Content-Length", "Content-Length must be a number");
            }
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream(), maxBodyBytes));
        return context.proceed();
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "request bodies may be at most " + maxBodyBytes / 1024 + " KiB");
    }

    private static boolean hasControl(String s) {
        return s != null && s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    private final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                remaining -= n;
                if (remaining < 0) {
                    throw tooLarge();
                }
            }
            return n;
        }
    }
}
