package org.claimledger.feed;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.http.Params;
import org.claimledger.history.EntityType;
import org.claimledger.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/** The live change feed: Server-Sent Events, one per history entry, resumable by revision. */
@RolesAllowed(Role.READER_NAME)
@Path("/api/v1/feed")
@Tag(name = "Feed", description = "Follow every change of the ledger live (Server-Sent Events)")
class FeedResource {

    private final FeedService feed;

    FeedResource(FeedService feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "followFeed", summary = "Follow the ledger's changes live",
            description = "A text/event-stream of one event per history entry in ledger order: `id:` is the "
                    + "revision, `event:` the change (claim.created, claim.status_changed, claim.source_added, "
                    + "article.updated, ...), `data:` one line of JSON (a FeedEvent). Replays everything after "
                    + "`after` or the Last-Event-ID header, then continues live; a revision appears only once every "
                    + "lower one has committed, so a reader that resumes never misses one. A `: heartbeat` comment "
                    + "comes every 15 s of quiet. A client that reads too slowly gets a last `feed.dropped` event "
                    + "and is disconnected; it resumes with its Last-Event-ID. Browsers read it with fetch() "
                    + "(EventSource cannot send Authorization).")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 1_000_000_000,
                    examples = "id: 1234\nevent: claim.status_changed\ndata: {\"revision\":1234,\"event\":"
                            + "\"claim.status_changed\",\"entityType\":\"CLAIM\"}\n\n")))
    @APIResponse(responseCode = "503", description = "This instance serves as many streams as it may; retry after "
            + "Retry-After", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(ref = "Problem")))
    public void follow(
            @RestQuery("after") @Parameter(description = "Replay every event after this revision, then follow live; "
                    + "without it (and without Last-Event-ID) the stream starts now",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
                            format = "int64", minimum = "0")) Long after,
            @RestHeader("Last-Event-ID") @Parameter(description = "The id of the last event received; "
                    + "the same as after", schema = @Schema(maxLength = 20)) String lastEventId,
            @RestQuery("entityType") @Parameter(description = "CLAIM (with its sources and links) or ARTICLE",
                    schema = @Schema(implementation = EntityType.class)) EntityType entityType,
            @RestQuery("claimId") @Parameter(description = "Only this claim's events", schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uuid",
                    maxLength = 36)) UUID claimId,
            @RestQuery("articleId") @Parameter(description = "Only this article's events and the changes of its links to claims",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            format = "uuid", maxLength = 36)) UUID articleId,
            @RestQuery @Parameter(description = "Only these events (repeatable)",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                            maxItems = 20, implementation = String.class)) List<String> event,
            SseEventSink sink, Sse sse, HttpServerRequest request) {
        Long from = after != null ? after : Params.wholeNumber("Last-Event-ID", lastEventId, 0, Long.MAX_VALUE);
        FeedFilter filter = new FeedFilter(entityType, claimId, articleId, events(event));
        feed.open(filter, from, sink, sse, () -> request.connection().close());
    }

    private static Set<String> events(List<String> names) {
        Set<String> events = new LinkedHashSet<>();
        if (names != null) {
            for (String name : names) {
                for (String one : name.split(",")) {
                    if (!one.isBlank()) {
                        events.add(one.trim());
                    }
                }
            }
        }
        for (String name : events) {
            if (!FeedEvents.NAMES.contains(name)) {
                throw ProblemException.invalidParameter("event", "event must be one of " + new TreeSet<>(FeedEvents.NAMES))
                        .with("allowedValues", new TreeSet<>(FeedEvents.NAMES));
            }
        }
        return events;
    }
}
