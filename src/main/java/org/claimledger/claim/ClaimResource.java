package org.claimledger.claim;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimledger.common.idempotency.IdempotentCreates;
import org.claimledger.common.idempotency.Created;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.claimledger.common.http.ETags;
import org.claimledger.common.http.Responses;
import org.claimledger.common.paging.Page;
import org.claimledger.common.paging.PageParams;
import org.claimledger.common.paging.Sort;
import org.claimledger.history.EntityType;
import org.claimledger.history.HistoryService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@RolesAllowed(Role.READER_NAME)
@Path(ClaimResource.PATH)
@Tag(name = "Claims", description = "Discrete claims with their sources, article links and status")
@Produces(MediaType.APPLICATION_JSON)
class ClaimResource {

    static final String PATH = "/api/v1/claims";

    private final ClaimService claims;
    private final ClaimWorkflow workflow;
    private final ClaimReports reports;
    private final IdempotentCreates idempotency;
    private final HistoryService history;
    private final ClaimDuplicates duplicates;

    ClaimResource(ClaimService claims, ClaimWorkflow workflow, ClaimReports reports, IdempotentCreates idempotency,
            HistoryService history, ClaimDuplicates duplicates) {
        this.claims = claims;
        this.workflow = workflow;
        this.reports = reports;
        this.idempotency = idempotency;
        this.history = history;
        this.duplicates = duplicates;
    }

    @RolesAllowed(Role.CHECKER_NAME)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createClaim", summary = "Record a claim")
    @APIResponse(responseCode = "201", description = "Created; Location names the new claim",
            content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    public Response create(
            @RestHeader("Idempotency-Key") @Parameter(description = "Makes a retry safe: the same key with the same body replays the first response", schema = @Schema(maxLength = 255)) String idempotencyKey,
            @NotNull @Valid ClaimRequest request, UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST " + PATH, request, () -> {
            ClaimResponse created = claims.create(request);
            created = created.withPossibleDuplicates(duplicates.possibleDuplicates(request, created.id()));
            return new Created(created, uri.getBaseUriBuilder().path(PATH).path(created.id().toString()).build());
        });
    }

    @GET
    @Operation(operationId = "listClaims", summary = "List claims, newest first",
            description = "Keyset-paginated; filters combine with AND. With q and no sort, ranked by relevance. "
                    + "With Accept: text/csv, every claim the filters select (no limit, no cursor) as CSV (RFC 4180): "
                    + "one header row, then one row per claim, streamed; tags joined with ';'.")
    @APIResponse(responseCode = "200", description = "A page of claims, or all of them as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public RestResponse<ClaimPage> list(@BeanParam ClaimFilterParams filter, @BeanParam PageParams page,
            UriInfo uri) {
        ClaimPage found = claims.list(filter.toFilter(), page.toRequest());
        return Responses.page(found, found.nextCursor(), uri.getRequestUriBuilder());
    }

    /**
     * Every claim the filter selects, streamed as CSV. Documented with listClaims (the same
     * operation asked for as text/csv); its lower quality (qs) keeps JSON the answer to Accept: *&#47;*.
     */
    @GET
    @Produces("text/csv;qs=0.5")
    @Operation(hidden = true)
    public RestResponse<StreamingOutput> export(@BeanParam ClaimFilterParams filter, @BeanParam PageParams page) {
        ClaimFilter parsed = filter.toFilter();
        Sort sort = page.toRequest().sort();
        StreamingOutput body = out -> {
            var writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
            reports.exportCsv(parsed, sort, writer);
            writer.flush();
        };
        return RestResponse.ResponseBuilder.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"claims.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getClaim", summary = "Read one claim with its sources and article links",
            description = "With asOf, the claim as it stood at that instant (from its history; also for a deleted claim).")
    @APIResponse(responseCode = "200", description = "The claim",
            content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    public RestResponse<?> get(@RestPath UUID id, @RestHeader("If-None-Match") String ifNoneMatch,
            @RestQuery("asOf") @Parameter(description = "Read the claim as it stood at this instant (RFC 3339)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) Instant asOf) {
        if (asOf != null) {
            return RestResponse.ok(history.snapshotAt(EntityType.CLAIM, id, asOf));
        }
        return Responses.read(claims.get(id), ifNoneMatch);
    }

    @RolesAllowed(Role.CHECKER_NAME)
    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateClaim", summary = "Change a claim (JSON Merge Patch)",
            description = "Send If-Match with the ETag you read. A member set to null clears it; quantity and "
                    + "attribution merge member by member.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = ClaimPatch.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimPatch.class))})
    @APIResponse(responseCode = "200", description = "The changed claim; IN_REVIEW again when an editor changed what "
            + "its verdict was about", content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    @APIResponse(responseCode = "409", description = "The claim has a verdict that rests on what would change "
            + "(verdict-stands: reopen it first), or the change would leave the verdict without what it needs "
            + "(verdict-rule-broken)", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "Problem")))
    public RestResponse<ClaimResponse> update(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
            JsonNode patch) {
        var precondition = ETags.requireIfMatch(ifMatch);
        return Responses.ok(claims.update(id, precondition, patch));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteClaim", summary = "Delete a claim (soft: the record is kept)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The claim belongs to a supersession chain (claim-in-lineage)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public void delete(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        claims.delete(id, ETags.requireIfMatch(ifMatch));
    }

    @RolesAllowed(Role.CHECKER_NAME)
    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeClaimStatus", summary = "Move a claim through the verification workflow",
            description = "UNVERIFIED -> IN_REVIEW; IN_REVIEW -> VERIFIED, FALSE, MISLEADING, DISPUTED or UNPROVEN; a verdict "
                    + "-> IN_REVIEW; any -> SUPERSEDED (with supersededBy). A verdict needs an explanation and a source; "
                    + "VERIFIED a SUPPORTS source, FALSE a REFUTES one. The explanation becomes the revision's reason.")
    @APIResponse(responseCode = "200", description = "The claim with its new status",
            content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    @APIResponse(responseCode = "409", description = "The workflow refuses the move: the problem names the unmet rule "
            + "and the allowed next statuses", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "Problem")))
    public Response changeStatus(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
            @RestHeader("Idempotency-Key") @Parameter(description = "Makes a retry safe: the same key with the same "
                    + "body and If-Match replays the first response", schema = @Schema(maxLength = 255))
            String idempotencyKey,
            @NotNull @Valid StatusChange change) {
        var precondition = ETags.requireIfMatch(ifMatch);
        return idempotency.once(idempotencyKey, "POST " + PATH + "/" + id + "/status",
                java.util.Arrays.asList(ifMatch, change), 200,
                () -> new Created(workflow.changeStatus(id, precondition, change), null));
    }

    @GET
    @Path("/{id}/lineage")
    @Operation(operationId = "getClaimLineage", summary = "The supersession chain a claim belongs to, oldest first",
            description = "How a figure evolved: 70 killed, superseded by 90, superseded by 170. A chain holds at most "
                    + "100 claims.")
    @APIResponse(responseCode = "200", description = "The chain, oldest first, in one page (`nextCursor` is null)")
    public Page<LineageEntry> lineage(@RestPath UUID id) {
        return new Page<>(workflow.lineage(id), null);
    }
}
