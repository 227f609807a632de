package org.claimledger.common;

import org.claimledger.support.ApiTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createArticle;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.claimledger.support.Fixtures.pentagonBriefing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.claimledger.support.Contract;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Throws 10,000 malformed requests — bodies, headers, ids, cursors and query values — at every
 * operation, reproducibly from a seed, and asserts that each one gets a 4xx problem+json (never a
 * 2xx, never a 5xx) that the contract declares for the operation (openapi/openapi.yaml: status,
 * media type, problem schema), and that none of them wrote a row.
 */
@QuarkusTest
class MalformedInputFuzzTest extends ApiTest {

    private static final int REQUESTS = 10_000;
    private static final long SEED = 20210826L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);

    private String article;
    private String claim;
    private String source;

    record Call(String method, String path, Map<String, String> headers, String body, String what) {
    }

    @Test
    void shouldAnswerEveryMalformedRequestWithAClientProblemAndWriteNothing() throws Exception {
        article = createArticle();
        claim = createClaim(overSeventyKilled());
        source = Fixtures.create("/api/v1/claims/" + claim + "/sources", pentagonBriefing("SUPPORTS")).path("id");
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                .put("/api/v1/claims/{c}/articles/{a}", claim, article).then().statusCode(201);
        Map<String, Long> before = Db.tableCounts();
        long keys = Db.count("select count(*) from idempotency_key");

        List<Function<Random, Call>> generators = List.of(
                r -> badBody("POST", "/api/v1/articles", articleBody(), false),
                r -> badBody("POST", "/api/v1/claims", claimBody(), false),
                r -> badBody("POST", "/api/v1/claims/" + claim + "/sources", sourceBody(), false),
                r -> badBody("PATCH", "/api/v1/articles/" + article, articleBody(), true),
                r -> badBody("PATCH", "/api/v1/claims/" + claim, claimBody(), true),
                r -> badBody("PATCH", "/api/v1/claims/" + claim + "/sources/" + source, sourceBody(), true),
                r -> badBody("PUT", "/api/v1/claims/" + claim + "/articles/" + article, linkBody(), true),
                r -> badBody("POST", "/api/v1/claims/" + claim + "/status", statusBody(), true),
                r -> badBody("POST", "/api/v1/claims/status:batch", batchBody(), false),
                r -> badBody("POST", "/api/v1/claims:match", claimBody(), false),
                r -> badPrecondition(),
                r -> badList(),
                r -> badId(),
                r -> badIdempotencyKey(),
                r -> badConditionalGet());

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Call call = generators.get(i % generators.size()).apply(random);
            HttpResponse<String> response = send(call);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() < 400 || response.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
                failures.add(response.statusCode() + " " + type + " for " + call.what() + ": " + call.method() + " "
                        + call.path() + " " + call.headers() + " " + abbreviate(call.body()) + " -> "
                        + abbreviate(response.body()));
            }
            List<String> violations = Contract.COMMITTED.violations(new Contract.Exchange(call.method(),
                    base.resolve(call.path()), call.headers().entrySet().stream().collect(java.util.stream.Collectors
                            .toMap(Map.Entry::getKey, e -> List.of(e.getValue()))), call.body(),
                    response.statusCode(), response.headers().map(), response.body()));
            if (!violations.isEmpty()) {
                failures.add("answer outside the contract for " + call.what() + ": " + call.method() + " "
                        + call.path() + " -> " + response.statusCode() + ": " + violations);
            }
        }
        assertThat(failures).as("requests not answered with a 4xx problem the contract declares").isEmpty();
        assertThat(Db.tableCounts()).isEqualTo(before);
        assertThat(Db.count("select count(*) from idempotency_key")).isEqualTo(keys);
    }

    private HttpResponse<String> send(Call call) throws Exception {
        var builder = HttpRequest.newBuilder(base.resolve(call.path())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN_KEY);
        call.headers().forEach(builder::header);
        var publisher = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8);
        builder.method(call.method(), publisher);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- bodies ------------------------------------------------------------------------------

    private ObjectNode articleBody() {
        return JSON.valueToTree(Fixtures.globalNewsArticle());
    }

    private ObjectNode claimBody() {
        return JSON.valueToTree(overSeventyKilled());
    }

    private ObjectNode sourceBody() {
        return JSON.valueToTree(pentagonBriefing("SUPPORTS"));
    }

    private ObjectNode statusBody() {
        return JSON.valueToTree(Map.of("status", "IN_REVIEW", "explanation", "desk review"));
    }

    private ObjectNode batchBody() {
        return JSON.valueToTree(Map.of("status", "IN_REVIEW", "explanation", "desk review",
                "items", List.of(Map.of("id", claim, "ifMatch", "\"0\""))));
    }

    private ObjectNode linkBody() {
        return JSON.valueToTree(Map.of("role", "CITED_BY", "excerpt", "killed over 70 people"));
    }

    /** A body with at least one thing wrong; on PATCH and PUT, with the right If-Match so only the body is wrong. */
    private Call badBody(String method, String path, ObjectNode valid, boolean conditional) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", method.equals("PATCH") && random.nextBoolean() ? "application/merge-patch+json"
                : "application/json");
        if (conditional) {
            headers.put("If-Match", currentEtag(path));
        }
        String body;
        String what;
        switch (random.nextInt(14)) {
            case 0 -> {
                String text = valid.toString();
                body = text.substring(0, random.nextInt(text.length() - 1));
                what = "truncated JSON";
            }
            case 1 -> {
                body = randomText(1 + random.nextInt(200));
                what = "random text";
            }
            case 2 -> {
                String field = pick(fieldNames(valid));
                valid.set(field, wrongType(valid.get(field)));
                body = valid.toString();
                what = "wrong JSON type for " + field;
            }
            case 3 -> {
                String field = pick(enumFields(valid));
                valid.put(field, randomWord() + "_" + random.nextInt(1000));
                body = valid.toString();
                what = "unknown enum value in " + field;
            }
            case 4 -> {
                String field = pick(stringFields(valid));
                valid.put(field, random.nextBoolean() ? "x\u0000y" : "x".repeat(10_001));
                body = valid.toString();
                what = "NUL or oversized string in " + field;
            }
            case 5 -> {
                String field = pick(dateFields(valid));
                valid.put(field, pick(List.of("2021-13-45", "yesterday", "+20000-01-01", "0000-01-01",
                        "2021-08-26T25:00:00Z", "+300000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "")));
                body = valid.toString();
                what = "bad date in " + field;
            }
            case 6 -> {
                valid.put("unexpected" + random.nextInt(100), "value");
                body = valid.toString();
                what = "unknown property";
            }
            case 7 -> {
                valid.put(pick(List.of("id", "version", "createdAt", "updatedAt")), "2021-08-26T00:00:00Z");
                body = valid.toString();
                what = "read-only property";
            }
            case 8 -> {
                body = pick(List.of("[]", "[{}]", "42", "\"text\"", "true", "null", "", " "));
                what = "not an object";
            }
            case 9 -> {
                body = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
                what = "deeply nested";
            }
            case 10 -> {
                if (valid.has("quantity")) {
                    ((ObjectNode) valid.get("quantity")).put("value", pick(List.of(-1, -70)));
                    body = valid.toString();
                    body = random.nextBoolean() ? body : body.replace("-70", "1e99999").replace("-1", "1e99999");
                    what = "negative or huge figure";
                } else {
                    valid.put(pick(stringFields(valid)), "y".repeat(300_000));
                    body = valid.toString();
                    what = "body over the size limit";
                }
            }
            case 11 -> {
                headers.put("Content-Type", pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")));
                body = valid.toString();
                what = "wrong content type";
            }
            case 12 -> {
                String field = pick(requiredFields(valid));
                valid.putNull(field);
                body = valid.toString();
                what = "required " + field + " null";
            }
            default -> {
                if (valid.has("url")) {
                    valid.put("url", pick(List.of("not a url", "ftp://example.org/x", "http://", "https:///path",
                            "javascript:alert(1)", "http://exa mple.org", "//example.org/x")));
                    what = "bad url";
                } else {
                    valid.put("role", "");
                    what = "empty role";
                }
                body = valid.toString();
            }
        }
        return new Call(method, path, headers, body, what);
    }

    private Call badPrecondition() {
        String path = pick(List.of("/api/v1/articles/" + article, "/api/v1/claims/" + claim,
                "/api/v1/claims/" + claim + "/sources/" + source, "/api/v1/claims/" + claim + "/articles/" + article));
        String method = pick(List.of("PATCH", "DELETE"));
        Map<String, String> headers = new LinkedHashMap<>();
        String ifMatch = pick(java.util.Arrays.asList(null, "", "abc", "\"", "\"999\"", "W/\"0\"", "\"0\" junk", "\"999\",", "0",
                "\"" + randomWord() + "\""));
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        headers.put("Content-Type", "application/merge-patch+json");
        return new Call(method, path, headers, method.equals("PATCH") ? "{}" : null, "bad If-Match " + ifMatch);
    }

    private Call badList() {
        String path = pick(List.of("/api/v1/claims", "/api/v1/articles", "/api/v1/claims/" + claim + "/sources",
                "/api/v1/articles/" + article + "/claims", "/api/v1/claims/" + claim + "/history", "/api/v1/history",
                "/api/v1/articles/" + article + "/history"));
        String[] param = pick(List.of(
                new String[] {"limit", pick(List.of("0", "-1", "201", "abc", "1.5", "99999999999999999999", "1e3"))},
                new String[] {"sort", pick(List.of("statement", "createdat", "--createdAt", "+createdAt", "id"))},
                new String[] {"cursor", pick(List.of(randomText(20), "abc.def", "AAAA.AAAA", "." , "x".repeat(2000)))},
                new String[] {"status", randomWord()},
                new String[] {"type", randomWord()},
                new String[] {"articleId", pick(List.of("123", randomWord(), "00000000-0000-0000-0000-00000000000g"))},
                new String[] {"updatedSince", pick(List.of("yesterday", "2021-08-26", "+300000-01-01T00:00:00Z", "0"))},
                new String[] {"q", "q".repeat(501)},
                new String[] {pick(List.of("q", "claimant", "tag", "publisher", "url")), "a\u0000b"},
                new String[] {"claimant", "x".repeat(501)},
                new String[] {"language", pick(List.of("not a tag", "x".repeat(36), "e", "en_US"))},
                new String[] {"duplicateOf", pick(List.of("123", randomWord()))},
                new String[] {"excludeDuplicates", pick(List.of("yes", "1", randomWord()))}));
        if (path.contains("history") && List.of("limit", "cursor", "updatedSince").contains(param[0])) {
            param[0] = param[0].equals("updatedSince") ? pick(List.of("since", "until")) : param[0];
        } else if (path.contains("history")) {
            param[0] = pick(List.of("since", "until", "limit"));
            param[1] = pick(List.of("soon", "-1", "+300000-01-01T00:00:00Z"));
        } else if (!path.equals("/api/v1/claims") && !List.of("limit", "sort", "cursor").contains(param[0])) {
            param[0] = "limit";
            param[1] = "-5";
        }
        String query = URLEncoder.encode(param[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(param[1], StandardCharsets.UTF_8);
        return new Call("GET", path + "?" + query, Map.of(), null, "bad query " + param[0]);
    }

    private Call badId() {
        String junk = pick(List.of(randomWord(), "123", "null", "00000000-0000-0000-0000-00000000000z",
                URLEncoder.encode(randomText(10), StandardCharsets.UTF_8), "%00", "a%0Ab", "%3A%25zz", "x%3Ay%25G3"));
        String path = pick(List.of("/api/v1/claims/" + junk, "/api/v1/articles/" + junk,
                "/api/v1/claims/" + junk + "/sources", "/api/v1/claims/" + claim + "/sources/" + junk,
                "/api/v1/claims/" + claim + "/articles/" + junk, "/api/v1/articles/" + junk + "/claims",
                "/api/v1/claims/" + junk + "/history", "/api/v1/claims/" + claim + "/history/" + junk,
                "/api/v1/claims/" + claim + "/diff?from=" + junk + "&to=1"));
        String method = pick(List.of("GET", "DELETE", "PATCH", "PUT", "POST"));
        Map<String, String> headers = Map.of("Content-Type", "application/json", "If-Match", "\"0\"");
        return new Call(method, path, headers, "{\"role\": \"APPEARS_IN\"}", "bad id " + junk);
    }

    private Call badIdempotencyKey() {
        String key = pick(List.of("", " ", "k".repeat(256), "key with spaces", "caf\u00e9"));
        String path = pick(List.of("/api/v1/claims", "/api/v1/articles", "/api/v1/claims/" + claim + "/sources"));
        ObjectNode body = path.endsWith("claims") ? claimBody() : path.endsWith("articles") ? articleBody() : sourceBody();
        return new Call("POST", path, Map.of("Content-Type", "application/json", "Idempotency-Key", key),
                body.toString(), "bad Idempotency-Key");
    }

    private Call badConditionalGet() {
        String path = pick(List.of("/api/v1/claims/" + claim, "/api/v1/articles/" + article));
        String value = pick(List.of("abc", "\"", "\"0\" junk", "W/", ","));
        return new Call("GET", path, Map.of("If-None-Match", value), null, "bad If-None-Match " + value);
    }

    // --- helpers -----------------------------------------------------------------------------

    private String currentEtag(String path) {
        path = path.endsWith("/status") ? path.substring(0, path.length() - "/status".length()) : path;
        String etag = RestAssured.given().get(path).then().extract().header("ETag");
        assertThat(etag).as("a fuzzed request changed " + path).isNotNull();
        return etag;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> enumFields(ObjectNode node) {
        return fieldNames(node).stream().filter(f -> List.of("type", "status", "kind", "stance", "role").contains(f))
                .toList().isEmpty() ? List.of("role")
                : fieldNames(node).stream().filter(f -> List.of("type", "status", "kind", "stance", "role").contains(f)).toList();
    }

    private static List<String> stringFields(ObjectNode node) {
        return fieldNames(node).stream().filter(f -> node.get(f).isTextual()).toList();
    }

    private static List<String> dateFields(ObjectNode node) {
        List<String> dates = fieldNames(node).stream()
                .filter(f -> List.of("publishedAt", "claimDate", "eventDate", "accessedAt").contains(f)).toList();
        return dates.isEmpty() ? List.of("role") : dates;
    }

    private static List<String> requiredFields(ObjectNode node) {
        return fieldNames(node).stream().filter(f -> List.of("url", "statement", "type", "role", "status").contains(f)).toList();
    }

    private com.fasterxml.jackson.databind.JsonNode wrongType(com.fasterxml.jackson.databind.JsonNode current) {
        if (current.isTextual()) {
            return random.nextBoolean() ? JSON.getNodeFactory().numberNode(42) : JSON.getNodeFactory().booleanNode(true);
        }
        if (current.isArray()) {
            return JSON.getNodeFactory().textNode("not-a-list");
        }
        if (current.isObject()) {
            return random.nextBoolean() ? JSON.getNodeFactory().arrayNode().add(1) : JSON.getNodeFactory().textNode("x");
        }
        return JSON.getNodeFactory().objectNode().put("nested", true);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String randomWord() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 3 + random.nextInt(8); i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString().toUpperCase();
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5d)));
        }
        return text.toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
