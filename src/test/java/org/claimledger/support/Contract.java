package org.claimledger.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed contract, openapi/openapi.yaml, as a judge of one HTTP exchange: is the request
 * one the contract allows, and is the answer one it declares (status, media type, body schema,
 * headers)? Schemas are checked with JSON Schema 2020-12 in the OpenAPI 3.1 dialect.
 *
 * <p>A request the contract does not allow is a fault only when the service accepts it (answers
 * other than 4xx): tests that send invalid requests on purpose expect a refusal, and the refusal
 * itself must still be a declared problem. Paths outside /api/v1 (the /q/ endpoints) are not part
 * of the contract.
 */
public final class Contract {

    private static final String DOCUMENT = "https://claim-ledger.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The committed contract; the working directory of a Maven test run is the project. */
    public static final Contract COMMITTED = load(Path.of("openapi/openapi.yaml"));

    private final JsonNode spec;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private Contract(JsonNode spec) {
        this.spec = spec;
        String text;
        try {
            text = JSON.writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    public static Contract load(Path file) {
        try {
            return new Contract(new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request and its answer, as seen on the wire. Header names are matched case-insensitively. */
    public record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
            int status, Map<String, List<String>> responseHeaders, String responseBody) {

        String requestHeader(String name) {
            return header(requestHeaders, name);
        }

        String responseHeader(String name) {
            return header(responseHeaders, name);
        }

        private static String header(Map<String, List<String>> headers, String name) {
            for (var entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What breaks the contract in this exchange; empty when nothing does. */
    public List<String> violations(Exchange exchange) {
        String path = exchange.uri().getRawPath();
        if (!path.startsWith("/api/")) {
            return List.of();
        }
        String method = exchange.method().toLowerCase(Locale.ROOT);
        if (method.equals("options")) {
            return List.of();
        }
        List<String> requestFaults = new ArrayList<>();
        List<String> responseFaults = new ArrayList<>();
        var match = match(path);
        if (match == null) {
            requestFaults.add("no path of the contract matches " + path);
            undeclared(exchange, responseFaults);
        } else if (!match.item().has(method)) {
            requestFaults.add(exchange.method() + " is not declared on " + match.template());
            undeclared(exchange, responseFaults);
        } else {
            String pointer = "/paths/" + escape(match.template()) + "/" + method;
            JsonNode operation = match.item().get(method);
            checkRequest(exchange, match, operation, pointer, requestFaults);
            checkResponse(exchange, operation, pointer, responseFaults);
        }
        List<String> all = new ArrayList<>(responseFaults);
        boolean refused = exchange.status() >= 400 && exchange.status() < 500;
        if (!refused) {
            requestFaults.forEach(f -> all.add("accepted a request the contract does not allow: " + f));
        }
        return all;
    }

    // --- requests ------------------------------------------------------------------------------

    private void checkRequest(Exchange exchange, PathMatch match, JsonNode operation, String pointer,
            List<String> faults) {
        Map<String, List<String>> query = query(exchange.uri());
        List<JsonNode> parameters = new ArrayList<>();
        match.item().path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            if (parameter.has("$ref")) {
                parameter = resolve(parameter.get("$ref").asText());
            }
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            String value = switch (in) {
                case "path" -> match.variables().get(name);
                case "query" -> query.containsKey(name) ? query.get(name).get(0) : null;
                case "header" -> exchange.requestHeader(name);
                default -> null;
            };
            if (value == null) {
                if (parameter.path("required").asBoolean(false)) {
                    faults.add("the required " + in + " parameter " + name + " is missing");
                }
                continue;
            }
            JsonNode schema = parameter.get("schema");
            if (schema == null) {
                continue;
            }
            String schemaPointer = parameterSchemaPointer(match, operation, pointer, parameter);
            if (schemaPointer == null) {
                continue;
            }
            List<String> values = in.equals("query") && query.containsKey(name) ? query.get(name) : List.of(value);
            for (String v : values) {
                validate(schemaPointer, scalar(v, schema), in + " parameter " + name, faults);
            }
        }
        String body = exchange.requestBody();
        boolean hasBody = body != null && !body.isEmpty();
        JsonNode requestBody = operation.get("requestBody");
        if (requestBody == null) {
            if (hasBody) {
                faults.add("the operation takes no request body");
            }
            return;
        }
        if (!hasBody) {
            if (requestBody.path("required").asBoolean(false)) {
                faults.add("the request body is required");
            }
            return;
        }
        String type = mediaType(exchange.requestHeader("Content-Type"));
        String declared = declaredMediaType(requestBody.path("content"), type);
        if (declared == null) {
            faults.add("request Content-Type " + type + " is not one of " + names(requestBody.path("content")));
            return;
        }
        if (isJson(declared) && requestBody.path("content").path(declared).has("schema")) {
            validate(pointer + "/requestBody/content/" + escape(declared) + "/schema", body, "request body", faults);
        }
    }

    /** The parameter's schema as a pointer into the document, so that its $refs resolve. */
    private String parameterSchemaPointer(PathMatch match, JsonNode operation, String pointer, JsonNode parameter) {
        JsonNode own = operation.path("parameters");
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i) == parameter) {
                return pointer + "/parameters/" + i + "/schema";
            }
        }
        JsonNode shared = match.item().path("parameters");
        for (int i = 0; i < shared.size(); i++) {
            if (shared.get(i) == parameter) {
                return "/paths/" + escape(match.template()) + "/parameters/" + i + "/schema";
            }
        }
        return null;
    }

    /** A parameter's text as the JSON value its schema expects: 50 for an integer, "50" for a string. */
    private static String scalar(String value, JsonNode schema) {
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        try {
            if (type.equals("integer") || type.equals("number")) {
                return JSON.readTree(value).isNumber() ? value : JSON.writeValueAsString(value);
            }
            if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
                return value;
            }
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            try {
                return JSON.writeValueAsString(value);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
        }
    }

    // --- responses -----------------------------------------------------------------------------

    private void checkResponse(Exchange exchange, JsonNode operation, String pointer, List<String> faults) {
        String code = String.valueOf(exchange.status());
        JsonNode responses = operation.path("responses");
        String key = responses.has(code) ? code
                : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            faults.add("status " + code + " is not declared (declared: " + names(responses) + ")");
            return;
        }
        JsonNode response = responses.get(key);
        String responsePointer = pointer + "/responses/" + escape(key);
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = resolve(response.get("$ref").asText());
        }
        checkHeaders(exchange, response, responsePointer, faults);
        checkBody(exchange, response, responsePointer, faults);
    }

    private void checkHeaders(Exchange exchange, JsonNode response, String pointer, List<String> faults) {
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
            var header = it.next();
            JsonNode declared = header.getValue();
            String schemaPointer = pointer + "/headers/" + escape(header.getKey()) + "/schema";
            if (declared.has("$ref")) { // a header described once under components/headers
                schemaPointer = declared.get("$ref").asText().substring(1) + "/schema";
                declared = resolve(declared.get("$ref").asText());
                if (declared.isMissingNode()) {
                    faults.add("response header " + header.getKey() + " refers to " + header.getValue().get("$ref").asText()
                            + ", which the document does not have");
                    continue;
                }
            }
            String value = exchange.responseHeader(header.getKey());
            if (value == null) {
                if (declared.path("required").asBoolean(false)) {
                    faults.add("the required response header " + header.getKey() + " is missing");
                }
                continue;
            }
            if (declared.has("schema")) {
                validate(schemaPointer, scalar(value, declared.get("schema")), "response header " + header.getKey(), faults);
            }
        }
    }

    private void checkBody(Exchange exchange, JsonNode response, String pointer, List<String> faults) {
        String body = exchange.responseBody();
        boolean hasBody = body != null && !body.isEmpty();
        JsonNode content = response.get("content");
        boolean head = exchange.method().equalsIgnoreCase("HEAD");
        if (content == null || content.isEmpty()) {
            if (hasBody && !head) {
                faults.add("status " + exchange.status() + " declares no body, but the answer has one");
            }
            return;
        }
        if (!hasBody) {
            if (!head) {
                faults.add("status " + exchange.status() + " declares a body (" + names(content)
                        + "), but the answer has none");
            }
            return;
        }
        String type = mediaType(exchange.responseHeader("Content-Type"));
        String declared = declaredMediaType(content, type);
        if (declared == null) {
            faults.add("response Content-Type " + type + " is not one of " + names(content));
            return;
        }
        if (isJson(declared) && content.path(declared).has("schema")) {
            validate(pointer + "/content/" + escape(declared) + "/schema", body, "response body", faults);
        }
    }

    /** An undeclared path or method must still be refused with a problem. */
    private void undeclared(Exchange exchange, List<String> faults) {
        if (exchange.status() < 400 || exchange.status() >= 500) {
            faults.add("an undeclared operation answered " + exchange.status());
            return;
        }
        String body = exchange.responseBody();
        if (body == null || body.isEmpty()) {
            faults.add("a refusal (" + exchange.status() + ") without a problem body");
            return;
        }
        if (!"application/problem+json".equals(mediaType(exchange.responseHeader("Content-Type")))) {
            faults.add("a refusal (" + exchange.status() + ") that is not application/problem+json");
            return;
        }
        validate("/components/schemas/Problem", body, "problem body", faults);
    }

    // --- helpers -------------------------------------------------------------------------------

    private void validate(String pointer, String json, String what, List<String> faults) {
        Schema schema = schemas.computeIfAbsent(pointer,
                p -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + p)));
        List<com.networknt.schema.Error> errors;
        try {
            errors = schema.validate(json, InputFormat.JSON);
        } catch (RuntimeException e) {
            faults.add(what + " is not JSON: " + e.getMessage());
            return;
        }
        for (var error : errors) {
            faults.add(what + " " + error.getInstanceLocation() + ": " + error.getMessage()
                    + " (schema " + error.getSchemaLocation() + ")");
        }
    }

    private record PathMatch(String template, JsonNode item, Map<String, String> variables) {
    }

    /** The declared path that matches, preferring the one with more literal segments. */
    private PathMatch match(String rawPath) {
        String[] actual = rawPath.split("/", -1);
        PathMatch best = null;
        int bestLiterals = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
            var entry = it.next();
            String[] template = entry.getKey().split("/", -1);
            if (template.length != actual.length) {
                continue;
            }
            Map<String, String> variables = new LinkedHashMap<>();
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                String segment = URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                if (template[i].startsWith("{") && template[i].endsWith("}") && template[i].indexOf('}') == template[i].length() - 1) {
                    matches = !segment.isEmpty();
                    variables.put(template[i].substring(1, template[i].length() - 1), segment);
                } else if (template[i].contains("{")) {
                    // a variable with literal text around it, such as {deliveryId}:retry
                    var names = new ArrayList<String>();
                    var regex = new StringBuilder();
                    var parts = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template[i]);
                    int at = 0;
                    while (parts.find()) {
                        regex.append(java.util.regex.Pattern.quote(template[i].substring(at, parts.start()))).append("([^/]+?)");
                        names.add(parts.group(1));
                        at = parts.end();
                    }
                    regex.append(java.util.regex.Pattern.quote(template[i].substring(at)));
                    var m = java.util.regex.Pattern.compile(regex.toString()).matcher(segment);
                    matches = m.matches();
                    for (int n = 0; matches && n < names.size(); n++) {
                        variables.put(names.get(n), m.group(n + 1));
                    }
                    literals++;
                } else {
                    matches = template[i].equals(segment);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = new PathMatch(entry.getKey(), entry.getValue(), variables);
                bestLiterals = literals;
            }
        }
        return best;
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private JsonNode resolve(String ref) {
        return spec.at(ref.substring(1));
    }

    private static String declaredMediaType(JsonNode content, String actual) {
        if (actual == null) {
            return null;
        }
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String declared = it.next();
            String bare = mediaType(declared);
            if (bare.equals(actual) || bare.equals("*/*")
                    || (bare.endsWith("/*") && actual.startsWith(bare.substring(0, bare.length() - 1)))) {
                return declared;
            }
        }
        return null;
    }

    private static String mediaType(String header) {
        if (header == null) {
            return null;
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        String bare = mediaType(mediaType);
        return bare.equals("application/json") || bare.endsWith("+json");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** RFC 6901 escaping of one JSON pointer segment. */
    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
