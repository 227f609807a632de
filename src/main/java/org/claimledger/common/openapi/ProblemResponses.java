package org.claimledger.common.openapi;

import java.util.List;

import java.util.Map;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents, on every operation, the problem responses and headers that the shared HTTP rules
 * produce (preconditions, idempotency, authentication, rate limits, change reasons), so that each
 * resource method does not have to repeat them and none is forgotten; and the limits that hold for
 * every value (see {@link Limits}). Runs once, when the build writes the document; at start
 * Quarkus still reads the document and writes it out as JSON and YAML, so what repeats is
 * referenced rather than repeated.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    /**
     * The refusals every /api/v1 operation can answer in the same words, described once under
     * components/responses and referred to by each operation (HEAD keeps its own, without a body).
     */
    private record Shared(String code, String name, String description, String retryAfter) {
    }

    private static final List<Shared> SHARED = List.of(
            new Shared("400", "BadRequest",
                    "The request could not be read: malformed JSON, a wrong type, a bad id, parameter or header", null),
            new Shared("401", "Unauthorized",
                    "No valid credentials: send Authorization: Bearer <API key> (WWW-Authenticate says so)", null),
            new Shared("403", "Forbidden", "Your role does not allow this operation", null),
            new Shared("404", "NotFound", "No such resource", null),
            new Shared("410", "Gone", "The resource was deleted", null),
            new Shared("406", "NotAcceptable", "The Accept header names no media type this operation answers with", null),
            new Shared("414", "UriTooLong", "The URL is longer than 8 KiB", null),
            new Shared("431", "RequestHeaderFieldsTooLarge",
                    "A request header, or all of them together, is larger than 16 KiB", null),
            new Shared("503", "ServiceUnavailable", "The database cannot be reached; retry after Retry-After seconds",
                    "Seconds after which a retry may succeed"),
            new Shared("500", "InternalServerError",
                    "Unexpected error; the body names an incident id, never a stack trace", null),
            new Shared("429", "TooManyRequests",
                    "Over the caller's rate limit; Retry-After says in how many seconds to retry",
                    "Seconds until the caller's budget is renewed"));

    /** The rate-limit headers of every answer: described once under components/headers. */
    private static final String[][] RATE_HEADERS = {{"RateLimit-Limit", "Requests a minute this caller may make"},
            {"RateLimit-Remaining", "Requests left in the current minute"},
            {"RateLimit-Reset", "Seconds until the budget is renewed"}};

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Schema change = openAPI.getComponents().getSchemas().get("Change");
            if (change != null && change.getProperties() != null) {
                change.addProperty("from", anyValue("The value before; null when the field was absent"));
                change.addProperty("to", anyValue("The value after; null when the field was removed"));
            }
            openAPI.getComponents().getSchemas().values().forEach(Limits::apply);
            // Jackson's tree types (the merge-patch bodies are read as JsonNode) are no part of the contract
            for (String internal : List.of("JsonNode", "JsonNodeType", "ObjectNode")) {
                openAPI.getComponents().removeSchema(internal);
            }
        }
        rateHeaderComponents(openAPI);
        sharedResponseComponents(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean hasId = path.contains("{");
            if (path.startsWith("/api/v1/") && item.getGET() != null && item.getHEAD() == null) {
                item.setHEAD(head(item.getGET()));
            }
            item.getOperations().forEach((method, op) -> {
                describe(path, method, op, hasId);
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> {
                        typed(p.getSchema());
                        Limits.apply(p.getSchema());
                    });
                }
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> {
                        if (r.getContent() != null) {
                            r.getContent().getMediaTypes().forEach((type, media) -> {
                                if (type.equals("text/csv") && media.getSchema() != null) {
                                    media.getSchema().format("binary");
                                }
                                Limits.apply(media.getSchema());
                            });
                        }
                        if (r.getHeaders() != null) {
                            r.getHeaders().values().forEach(h -> Limits.apply(h.getSchema()));
                        }
                    });
                }
            });
        });
        dropUnreferencedResponses(openAPI);
    }

    /** A shared refusal that every operation documents its own way (401, 403 of secured ones) is left out. */
    private static void dropUnreferencedResponses(OpenAPI openAPI) {
        java.util.Set<String> referenced = new java.util.HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getResponses() != null) {
                op.getResponses().getAPIResponses().values().stream().map(APIResponse::getRef)
                        .filter(java.util.Objects::nonNull).forEach(referenced::add);
            }
        }));
        for (Shared shared : SHARED) {
            if (!referenced.contains("#/components/responses/" + shared.name())) {
                openAPI.getComponents().removeResponse(shared.name());
            }
        }
    }

    /**
     * A parameter whose annotation gives only limits ({@code @Schema(maxLength = ...)} or
     * {@code minimum}/{@code maximum}) loses its Java type in the generated schema: say it again, so
     * that generated clients read a string as a string and a number as an integer.
     */
    private static void typed(Schema schema) {
        if (schema == null || schema.getRef() != null || (schema.getType() != null && !schema.getType().isEmpty())
                || schema.getAllOf() != null || schema.getOneOf() != null || schema.getAnyOf() != null) {
            return;
        }
        if (schema.getMinimum() != null || schema.getMaximum() != null) {
            schema.addType(Schema.SchemaType.INTEGER).format("int32");
        } else if (schema.getMaxLength() != null || schema.getPattern() != null) {
            schema.addType(Schema.SchemaType.STRING);
        }
    }

    private void describe(String path, PathItem.HttpMethod method, Operation op, boolean hasId) {
        boolean list = (method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD) && op.getResponses() != null
                && isPage(op.getResponses().getAPIResponse("200"));
        boolean byRef = path.startsWith("/api/v1/") && method != PathItem.HttpMethod.HEAD;
        shared(op, "400", byRef);
        if (path.startsWith("/api/v1/")) {
            shared(op, "401", byRef);
            shared(op, "403", byRef);
        }
        if (hasId) {
            shared(op, "404", byRef);
            shared(op, "410", byRef);
        }
        if (path.startsWith("/api/v1/")) {
            shared(op, "406", byRef);
            shared(op, "414", byRef);
            shared(op, "431", byRef);
            shared(op, "503", byRef);
        }
        switch (method) {
            case GET, HEAD -> {
                if (isStream(op.getResponses().getAPIResponse("200"))) {
                    break; // an event stream has no ETag and is never "not modified"
                }
                if (!list) {
                    header(op, "200", "ETag", "Strong entity tag of the representation");
                    addIfAbsent(op, "304", null);
                } else {
                    header(op, "200", "Link", "<...>; rel=\"next\" when another page follows");
                }
            }
            case POST -> {
                addIfAbsent(op, "409", "A request with the same Idempotency-Key is still in flight; retry after Retry-After");
                header(op, "409", "Retry-After", "Seconds after which to retry the same Idempotency-Key");
                addIfAbsent(op, "413", "The body is larger than 256 KiB");
                addIfAbsent(op, "415", "The body must be application/json");
                addIfAbsent(op, "422", "The body breaks a rule (errors names each field), or the Idempotency-Key was used "
                        + "for a different request");
                header(op, "201", "ETag", "Strong entity tag of the created resource");
                header(op, "201", "Location", "URL of the created resource");
                if (path.endsWith("/status") || path.endsWith("/duplicate-of")) {
                    addIfAbsent(op, "412", "If-Match does not match the current ETag; the body carries currentEtag");
                    addIfAbsent(op, "428", "If-Match is missing");
                }
            }
            case PATCH -> {
                addIfAbsent(op, "413", "The body is larger than 256 KiB");
                addIfAbsent(op, "412", "If-Match does not match the current ETag; the body carries currentEtag");
                addIfAbsent(op, "415", "The body must be application/merge-patch+json or application/json");
                addIfAbsent(op, "422", "The merged result breaks a rule; errors names each field");
                addIfAbsent(op, "428", "If-Match is missing");
                header(op, "200", "ETag", "Strong entity tag of the changed resource");
            }
            case PUT -> {
                addIfAbsent(op, "413", "The body is larger than 256 KiB");
                addIfAbsent(op, "412", "If-Match does not match the current ETag, or If-None-Match: * and it exists");
                addIfAbsent(op, "415", "The body must be application/json");
                addIfAbsent(op, "422", "The body breaks a rule; errors names each field");
                addIfAbsent(op, "428", "The resource exists and If-Match is missing");
                header(op, "200", "ETag", "Strong entity tag");
                header(op, "201", "ETag", "Strong entity tag");
                header(op, "201", "Location", "URL of the created resource");
            }
            case DELETE -> {
                addIfAbsent(op, "412", "If-Match does not match the current ETag");
                addIfAbsent(op, "428", "If-Match is missing");
            }
            default -> {
            }
        }
        shared(op, "500", byRef);
        if (path.startsWith("/api/v1/")) {
            shared(op, "429", byRef);
            op.getResponses().getAPIResponses().forEach((code, response) -> {
                if ((code.startsWith("2") || code.startsWith("4")) && response.getRef() == null) {
                    rateHeaders(response);
                }
            });
            if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
                parameter(op, "X-Change-Reason", "Why this change is made; recorded in the revision", 500);
            }
            parameter(op, "X-Request-Id", "Your id for this request ([A-Za-z0-9._:-]); recorded in the revision and "
                    + "echoed, generated when absent", 100);
        }
        // every refusal is a problem, also those SmallRye documents on its own (400 for a @Valid body)
        op.getResponses().getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null && response.getRef() == null) {
                response.content(problem());
            }
        });
        if (method == PathItem.HttpMethod.HEAD) {
            op.getResponses().getAPIResponses().values().forEach(response -> response.setContent(null));
        }
    }

    /** HEAD answers what GET answers, without the body (curl -I); JAX-RS serves it for every GET. */
    private static Operation head(Operation get) {
        Operation head = OASFactory.createOperation()
                .operationId(get.getOperationId() == null ? null : "head" + Character.toUpperCase(
                        get.getOperationId().charAt(0)) + get.getOperationId().substring(1))
                .summary("The headers of: " + (get.getSummary() == null ? get.getOperationId() : get.getSummary()))
                .description("What GET answers, without the body: status and headers, such as the ETag.")
                .tags(get.getTags() == null ? null : new java.util.ArrayList<>(get.getTags()))
                .parameters(get.getParameters() == null ? null : new java.util.ArrayList<>(get.getParameters()))
                .security(get.getSecurity() == null ? null : new java.util.ArrayList<>(get.getSecurity()));
        var responses = OASFactory.createAPIResponses();
        if (get.getResponses() != null) {
            get.getResponses().getAPIResponses().forEach((code, response) -> responses.addAPIResponse(code,
                    OASFactory.createAPIResponse().description(response.getDescription())
                            .content(response.getContent())
                            .headers(response.getHeaders() == null ? null
                                    : new java.util.LinkedHashMap<>(response.getHeaders()))));
        }
        return head.responses(responses);
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problem() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    /** A changed value: text, a number, true or false, a list of text (tags, authors), or null. */
    private static Schema anyValue(String description) {
        return OASFactory.createSchema().description(description)
                .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(Limits.MAX_TEXT))
                .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NUMBER))
                .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN))
                .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(50)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(300)))
                .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
    }

    private static void rateHeaderComponents(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        for (String[] h : RATE_HEADERS) {
            openAPI.getComponents().addHeader(h[0], OASFactory.createHeader().description(h[1]).schema(OASFactory
                    .createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(java.math.BigDecimal.ZERO)
                    .maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE))));
        }
    }

    private static void sharedResponseComponents(OpenAPI openAPI) {
        for (Shared shared : SHARED) {
            APIResponse response = OASFactory.createAPIResponse().description(shared.description()).content(problem());
            if (shared.retryAfter() != null) {
                response.addHeader("Retry-After", OASFactory.createHeader().description(shared.retryAfter())
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
            if (shared.code().startsWith("4")) {
                rateHeaders(response);
            }
            if (response.getHeaders() != null) {
                response.getHeaders().values().forEach(h -> Limits.apply(h.getSchema()));
            }
            openAPI.getComponents().addResponse(shared.name(), response);
        }
    }

    /**
     * A refusal of {@link #SHARED}, unless the operation documents its own: by reference to the
     * component, or (HEAD, and paths outside /api/v1, which carry no rate-limit headers) written out.
     */
    private static void shared(Operation op, String code, boolean byRef) {
        Shared shared = SHARED.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
        if (op.getResponses() != null && op.getResponses().hasAPIResponse(code)) {
            return;
        }
        if (byRef) {
            if (op.getResponses() == null) {
                op.setResponses(OASFactory.createAPIResponses());
            }
            op.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().ref(shared.name()));
            return;
        }
        addIfAbsent(op, code, shared.description());
        if (shared.retryAfter() != null) {
            header(op, code, "Retry-After", shared.retryAfter());
        }
    }

    /**
     * Each response names them by reference: written out in each of some 880 responses they were
     * more than half of the document, which the service parses and writes out again at every start.
     */
    private static void rateHeaders(APIResponse response) {
        for (String[] h : RATE_HEADERS) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(h[0])) {
                response.addHeader(h[0], OASFactory.createHeader().ref(h[0]));
            }
        }
    }

    private static void parameter(Operation op, String name, String description, int maxLength) {
        if (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> name.equals(p.getName()))) {
            return;
        }
        op.addParameter(OASFactory.createParameter().name(name).in(org.eclipse.microprofile.openapi.models.parameters
                .Parameter.In.HEADER).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength)));
    }

    private static boolean isStream(APIResponse response) {
        return response != null && response.getContent() != null
                && response.getContent().getMediaTypes().containsKey("text/event-stream");
    }

    private static boolean isPage(APIResponse response) {
        if (response == null || response.getContent() == null) {
            return false;
        }
        return response.getContent().getMediaTypes().values().stream()
                .anyMatch(m -> m.getSchema() != null && m.getSchema().getRef() != null
                        && m.getSchema().getRef().contains("Page"));
    }

    private static void addIfAbsent(Operation op, String code, String description) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        if (op.getResponses().hasAPIResponse(code)) {
            return;
        }
        if (code.equals("304")) {
            op.getResponses().addAPIResponse(code, OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match names the current ETag"));
            return;
        }
        op.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problem()));
    }

    private static void header(Operation op, String code, String name, String description) {
        if (op.getResponses() == null || !op.getResponses().hasAPIResponse(code)) {
            return;
        }
        APIResponse response = op.getResponses().getAPIResponse(code);
        if (response.getRef() != null) {
            return; // the component carries its headers
        }
        Map<String, Header> headers = response.getHeaders();
        if (headers != null && headers.containsKey(name)) {
            return;
        }
        response.addHeader(name, OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }
}
