package org.claimledger.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Provider;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.paging.Paged;

/**
 * Gives every single-resource GET that has no row version of its own (statistics, ledger
 * verification, diffs, lineages, snapshots, ClaimReviews, the API keys) a strong ETag made from
 * the SHA-256 of its JSON, and answers {@code If-None-Match} with 304 while it still matches, as
 * the contract declares for every GET that is not a page. Pages carry no ETag (their content moves
 * with every write); resources with a version ETag keep it. A JSON answer's bytes hashed become the
 * entity, so the body is serialised once and the ETag is the hash of exactly what is sent; a text
 * answer (the ledger's signed checkpoint) is still written by its own writer.
 */
@Provider
public class ContentETags implements ContainerResponseFilter {

    private final ObjectMapper mapper;

    ContentETags(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        Object entity = response.getEntity();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || response.getStatus() != 200
                || entity == null || entity instanceof Paged || entity instanceof StreamingOutput
                || response.getHeaders().containsKey(HttpHeaders.ETAG)
                || !request.getUriInfo().getPath().startsWith("/api/v1/")) {
            return;
        }
        String etag;
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(entity);
            etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 16) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            return; // the answer goes out without an ETag; writing it will report the problem
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (writtenAsJson(response.getMediaType(), entity)) {
            // the bytes hashed are the bytes sent: the body is not serialised a second time
            response.setEntity(json, response.getEntityAnnotations(), response.getMediaType());
        }
        boolean notModified;
        try {
            notModified = ETags.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag);
        } catch (ProblemException malformed) {
            notModified = false; // a GET may ignore a precondition it cannot read
        }
        if (notModified) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /** Whether Jackson writes this answer (JSON), not a text writer (a text/plain checkpoint, a String). */
    private static boolean writtenAsJson(MediaType type, Object entity) {
        if (type == null) {
            return !(entity instanceof CharSequence);
        }
        return type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }
}
