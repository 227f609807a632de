package org.claimledger.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.claimledger.common.http.Params;
import org.claimledger.common.http.Responses;
import org.claimledger.common.paging.Page;
import org.claimledger.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/ledger")
@Tag(name = "Ledger", description = "The whole history as one Merkle tree (RFC 9162) with signed checkpoints "
        + "(C2SP tlog-checkpoint), so that readers outside can prove it was never rewritten")
class LedgerResource {

    private static final String EXAMPLE_CHECKPOINT = "claim-ledger.local/ledger\n1042\n"
            + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\ntime 2026-11-29T07:00:00Z\n\n"
            + "\u2014 claim-ledger.local/ledger Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

    private final LedgerService ledger;

    LedgerResource(LedgerService ledger) {
        this.ledger = ledger;
    }

    @GET
    @Path("/checkpoint")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getLedgerCheckpoint", summary = "The current tree head, signed",
            description = "A C2SP signed note whose text is a tlog-checkpoint: origin, tree size, base64 root hash, "
                    + "and the line \"time <RFC 3339>\". Save it; verify-ledger later proves that the ledger it "
                    + "describes was only ever appended to.")
    @APIResponse(responseCode = "200", description = "The signed checkpoint",
            content = @Content(mediaType = MediaType.TEXT_PLAIN,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 10000, examples = EXAMPLE_CHECKPOINT)))
    public RestResponse<String> checkpoint() {
        return ResponseBuilder.ok(ledger.checkpoint().note(), MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/key")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getLedgerKey", summary = "The key that verifies checkpoints",
            description = "A C2SP signed-note verifier key: name+hex key hash+base64(0x01 || Ed25519 public key). "
                    + "Pin it: keep a copy and pass it to verify-ledger with --key.")
    @APIResponse(responseCode = "200", description = "The verifier key line",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, maxLength = 1000,
                    examples = "claim-ledger.local/ledger+1a2b3c4d+AQ7Ue6rtIC0sBqzPAQv0OsBCuaRcWVJ4F4SbcC5OUqYd")))
    public RestResponse<String> key() {
        return ResponseBuilder.ok(ledger.verifierKey() + "\n", MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).build();
    }

    @GET
    @Path("/proofs/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLedgerInclusionProof", summary = "Prove that a revision of a claim or article is in the tree",
            description = "The RFC 9162 audit path of the history entry of entityId at revision, in the tree of size "
                    + "treeSize (default: the current size). Check it against the root of a checkpoint of that size.")
    @APIResponse(responseCode = "200", description = "The audit path",
            content = @Content(schema = @Schema(implementation = InclusionProof.class)))
    @APIResponse(responseCode = "404", description = "No history entry of entityId at revision",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public InclusionProof inclusion(
            @RestQuery("entityId") @Parameter(required = true, description = "A claim or article id",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) UUID entityId,
            @RestQuery("revision") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
            Long revision,
            @RestQuery("treeSize") @Parameter(description = "The tree size of the checkpoint to prove against; default the current one",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) Long treeSize) {
        return ledger.inclusion(Params.required("entityId", entityId), Params.required("revision", revision), treeSize);
    }

    @GET
    @Path("/proofs/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLedgerConsistencyProof", summary = "Prove that an earlier tree is a prefix of a later one",
            description = "The RFC 9162 consistency proof from the tree of size from to the tree of size to: "
                    + "it verifies against the root hashes of two checkpoints only if nothing before from was changed.")
    public ConsistencyProof consistency(
            @RestQuery("from") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
            Long from,
            @RestQuery("to") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
            Long to) {
        return ledger.consistency(Params.required("from", from), Params.required("to", to));
    }

    @GET
    @Path("/entries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listLedgerEntries", summary = "The tree's leaves in order, with the entries they hash",
            description = "Each item carries every field its leaf covers, so that a verifier can recompute every leaf "
                    + "hash and the root of any checkpoint without trusting the service.")
    public RestResponse<Page<LedgerEntry>> entries(
            @RestQuery("from") @Parameter(description = "The first leaf index, from 0", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int64", minimum = "0", defaultValue = "0")) Long from,
            @RestQuery("limit") @Parameter(description = "Items per page, 1 to 200.", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "100")) Integer limit,
            @RestQuery @Parameter(description = "The nextCursor of the previous page (the next leaf index).",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 20)) String cursor,
            UriInfo uri) {
        long start = cursor != null && !cursor.isBlank() ? Params.wholeNumber("cursor", cursor, 0, Long.MAX_VALUE)
                : from == null ? 0 : from;
        return Responses.page(ledger.entries(start, limit == null ? 100 : limit),
                uri.getRequestUriBuilder().replaceQueryParam("from"));
    }
}
