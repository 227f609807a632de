package org.claimledger.support;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.Headers;
import io.restassured.specification.FilterableRequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests of the API call it as the configured bootstrap admin (every role) unless a request sends
 * its own Authorization header (an empty one calls anonymously). No test expects a 500: one fails
 * the test at once, with the server's log of the incident in the message. Every exchange is checked
 * against the committed contract ({@link Contract}): an undeclared status, a body or header that
 * does not match its schema, or a request outside the contract that the service accepts, fails
 * the test.
 */
public abstract class ApiTest {

    public static final String ADMIN_KEY = "cl_test-admin-key-0123456789abcdefghijklmnop";

    private static final Filter AS_ADMIN = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + ADMIN_KEY);
        }
        var answered = context.next(request, response);
        if (answered.statusCode() == 500) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered 500: "
                    + answered.asString() + "\n" + ServerLog.incident(answered.asString()));
        }
        return answered;
    };

    /** -Dcontract.report=FILE lists every contract violation in FILE instead of failing the test at the first. */
    private static final Path REPORT = System.getProperty("contract.report") == null ? null
            : Path.of(System.getProperty("contract.report"));

    private static final Filter CONTRACT = (request, response, context) -> {
        var answered = context.next(request, response);
        var exchange = new Contract.Exchange(request.getMethod(), URI.create(request.getURI()), requestHeaders(request),
                requestBody(request.getBody()), answered.statusCode(), headers(answered.getHeaders()),
                answered.asString());
        List<String> violations = Contract.COMMITTED.violations(exchange);
        if (!violations.isEmpty() && REPORT != null) {
            try {
                Files.writeString(REPORT, request.getMethod() + " " + request.getURI() + " -> "
                        + answered.statusCode() + "\n  - " + String.join("\n  - ", violations) + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else if (!violations.isEmpty()) {
            String body = answered.asString();
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered "
                    + answered.statusCode() + ", which breaks openapi/openapi.yaml:\n  - "
                    + String.join("\n  - ", violations) + "\nanswer: "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
        }
        return answered;
    };

    @BeforeAll
    static void authenticateAsAdmin() {
        RestAssured.replaceFiltersWith(AS_ADMIN, CONTRACT);
    }

    private static Map<String, List<String>> requestHeaders(FilterableRequestSpecification request) {
        Map<String, List<String>> out = headers(request.getHeaders());
        if (request.getContentType() != null) {
            out.put("Content-Type", List.of(request.getContentType()));
        }
        return out;
    }

    private static Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach(h -> out.computeIfAbsent(h.getName(), n -> new ArrayList<>()).add(h.getValue()));
        return out;
    }

    private static String requestBody(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return body.toString();
    }
}
