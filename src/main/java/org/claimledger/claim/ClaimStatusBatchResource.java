package org.claimledger.claim;

import org.claimledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimledger.common.idempotency.Created;
import org.claimledger.common.idempotency.IdempotentCreates;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestHeader;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemMapper;
import org.claimledger.common.http.ETags;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One status change for many claims at once, each in its own transaction. */
@RolesAllowed(Role.EDITOR_NAME)
@Path("/api/v1/claims/status:batch")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
class ClaimStatusBatchResource {

    private final ClaimWorkflow workflow;
    private final IdempotentCreates idempotency;

    ClaimStatusBatchResource(ClaimWorkflow workflow, IdempotentCreates idempotency) {
        this.workflow = workflow;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeClaimStatuses", summary = "Apply one status change to up to 500 claims",
            description = "Each claim changes in its own transaction under its own ETag; one refusal does not undo "
                    + "the others. The answer lists every item in request order.")
    @APIResponse(responseCode = "200", description = "What happened to each claim",
            content = @Content(schema = @Schema(implementation = StatusBatchResult.class)))
    public Response changeStatuses(
            @RestHeader("Idempotency-Key") @Parameter(description = "Makes a retry safe: the same key with the same "
                    + "body replays the first response", schema = @Schema(maxLength = 255)) String idempotencyKey,
            @NotNull @Valid StatusBatch batch) {
        return idempotency.once(idempotencyKey, "POST /api/v1/claims/status:batch", batch, 200,
                () -> new Created(apply(batch), null, null));
    }

    /** Each item in its own transaction, so that one refusal undoes nothing else. */
    private StatusBatchResult apply(StatusBatch batch) {
        var change = new StatusChange(batch.status(), batch.explanation(), batch.supersededBy());
        var results = new java.util.ArrayList<StatusBatchResult.Item>();
        for (StatusBatch.Item item : batch.items()) {
            String instance = ClaimResource.PATH + "/" + item.id() + "/status";
            try {
                var changed = workflow.changeStatusAlone(item.id(), ETags.requireIfMatch(item.ifMatch()), change);
                results.add(new StatusBatchResult.Item(item.id(), 200, changed.etag(), null));
            } catch (ProblemException e) {
                results.add(new StatusBatchResult.Item(item.id(), e.type().status(), null,
                        ProblemMapper.toProblem(e, instance)));
            } catch (OptimisticLockException e) {
                var stale = new ProblemException(org.claimledger.common.error.ProblemType.PRECONDITION_FAILED,
                        "another request changed the claim at the same moment");
                results.add(new StatusBatchResult.Item(item.id(), 412, null, ProblemMapper.toProblem(stale, instance)));
            }
        }
        return new StatusBatchResult(results);
    }

}
