package org.claimledger.claim;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.common.db.Live;
import org.claimledger.common.error.FieldError;
import org.claimledger.common.error.NotFound;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.http.ETags.Precondition;
import org.claimledger.common.json.MergePatch;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.Page;
import org.claimledger.common.paging.PageRequest;
import org.claimledger.common.time.Ids;

/**
 * The sources of claims. A source belongs to its claim: every change to a source is also a change
 * of the claim, made through {@link ClaimChildren#withClaimLocked}.
 */
@ApplicationScoped
class SourceService {

    static final Map<String, String> READ_ONLY = Map.of(
            "id", "read-only", "claimId", "read-only; a source stays with its claim", "createdAt", "read-only",
            "updatedAt", "read-only", "version", "read-only; send the ETag in If-Match instead");

    /** The most live sources one claim may have. */
    static final int MAX_PER_CLAIM = 100;

    private final SourceRepository sources;
    private final ClaimChildren claims;
    private final MergePatch mergePatch;

    SourceService(SourceRepository sources, ClaimChildren claims, MergePatch mergePatch) {
        this.sources = sources;
        this.claims = claims;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public SourceResponse add(UUID claimId, SourceRequest request) {
        Source source = new Source();
        claims.withClaimLocked(claimId, () -> {
            if (sources.count("claimId = ?1 and " + Live.JPQL, claimId) >= MAX_PER_CLAIM) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "a claim may have at most " + MAX_PER_CLAIM
                        + " sources", List.of(new FieldError("sources", "at most " + MAX_PER_CLAIM + " per claim")));
            }
            source.id = Ids.newId();
            source.claimId = claimId;
            apply(source, request);
            sources.persist(source);
        });
        return SourceResponse.of(source);
    }

    public SourceResponse get(UUID claimId, UUID sourceId) {
        claims.requireLive(claimId);
        return SourceResponse.of(live(claimId, sourceId));
    }

    public Page<SourceResponse> list(UUID claimId, PageRequest page) {
        claims.requireLive(claimId);
        String fingerprint = Cursor.fingerprint("sources", claimId, page.sort());
        Cursor after = Cursor.decode(page.cursor(), fingerprint);
        return Page.slice(sources.page(claimId, page, after), page.limit(),
                s -> Cursor.at(page.sort().keyOf(s.createdAt, s.updatedAt), s.id, fingerprint),
                rows -> rows.stream().map(SourceResponse::of).toList());
    }

    @Transactional
    public SourceResponse update(UUID claimId, UUID sourceId, Precondition precondition, JsonNode patch) {
        claims.requireLive(claimId);
        Source source = live(claimId, sourceId);
        precondition.check(source.version);
        SourceRequest current = SourceResponse.of(source).toRequest();
        SourceRequest merged = mergePatch.apply(current, patch, SourceRequest.class, READ_ONLY);
        if (!merged.equals(current)) {
            claims.withClaimLocked(claimId, claim -> Verdicts.substantiveChanges(current, merged).stream()
                    .map(field -> "sources[" + sourceId + "]." + field).toList(), () -> apply(source, merged));
        }
        return SourceResponse.of(source);
    }

    @Transactional
    public void delete(UUID claimId, UUID sourceId, Precondition precondition) {
        claims.requireLive(claimId);
        Source source = live(claimId, sourceId);
        precondition.check(source.version);
        claims.withClaimLocked(claimId, claim -> Verdicts.hasVerdict(claim.status)
                && Verdicts.restsOn(claim.status, source.stance)
                ? List.of("sources[" + sourceId + "] (removed)") : List.<String>of(), () -> {
            source.deletedAt = Ids.now();
        });
    }

    private Source live(UUID claimId, UUID sourceId) {
        Source source = sources.findById(sourceId);
        if (source != null && !source.claimId.equals(claimId)) {
            throw new NotFound("source", sourceId);
        }
        return Live.orThrow(source, "source", sourceId);
    }

    private static void apply(Source source, SourceRequest request) {
        source.url = request.url().trim();
        source.title = request.title();
        source.publisher = request.publisher();
        source.kind = request.kind();
        source.stance = request.stance();
        source.accessedAt = request.accessedAt();
        source.archivedUrl = request.archivedUrl();
        source.note = request.note();
    }
}
