package org.claimledger.common;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

/** Writers racing each other never lose, duplicate or skip data. */
@QuarkusTest
class ConcurrencyTest extends ApiTest {

    @Test
    void shouldLetExactlyOneOfTwentyPatchesWithTheSameEtagWin() throws Exception {
        String id = createClaim(overSeventyKilled());
        List<Integer> statuses = race(20, i -> given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"").body(Map.of("quantity", Map.of("value", 71 + i)))
                .when().patch("/api/v1/claims/{id}", id).then().extract().statusCode());

        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 412).count()).isEqualTo(19);
        assertThat(Db.value("select version from claim where id = ?", UUID.fromString(id))).isEqualTo(1L);
    }

    @Test
    void shouldApplyEveryOneOfTwentyParallelPatchesSentWithIfMatchStar() throws Exception {
        String id = createClaim(overSeventyKilled());
        List<Integer> statuses = race(20, i -> given().contentType("application/merge-patch+json")
                .header("If-Match", "*").body(Map.of("quantity", Map.of("value", 100 + i)))
                .when().patch("/api/v1/claims/{id}", id).then().extract().statusCode());

        assertThat(statuses).containsOnly(200);
        assertThat(Db.value("select version from claim where id = ?", UUID.fromString(id))).isEqualTo(20L);
        assertThat(Db.count("select count(*) from history_entry where entity_id = ?", UUID.fromString(id))).isEqualTo(21);
    }

    @Test
    void shouldCreateOnceForFiftyParallelPostsWithOneIdempotencyKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String tag = "idem-" + key;
        var claim = overSeventyKilled();
        claim.put("tags", List.of(tag));
        List<ExtractableResponse<Response>> responses = race(50, i -> given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(claim)
                .when().post("/api/v1/claims").then().extract());

        assertThat(Db.count("select count(*) from claim where tags @> array[?::text]", tag)).isEqualTo(1);
        var first = responses.get(0);
        for (var r : responses) {
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.body().asString()).isEqualTo(first.body().asString());
            assertThat(r.header("Location")).isEqualTo(first.header("Location"));
            assertThat(r.header("ETag")).isEqualTo(first.header("ETag"));
        }
        assertThat(responses.stream().filter(r -> r.header("Idempotent-Replayed") == null).count()).isEqualTo(1);
    }

    @Test
    void shouldSeeEveryExistingClaimExactlyOnceWhilePagingDuringInserts() throws Exception {
        String tag = "paging-" + UUID.randomUUID();
        List<String> original = race(500, i -> {
            var claim = overSeventyKilled();
            claim.put("tags", List.of(tag));
            return createClaim(claim);
        });
        for (String sort : List.of("-createdAt", "createdAt", "-updatedAt")) {
            AtomicBoolean paging = new AtomicBoolean(true);
            ExecutorService inserter = Executors.newSingleThreadExecutor();
            Future<Integer> inserted = inserter.submit(() -> {
                int n = 0;
                while (paging.get()) {
                    var claim = overSeventyKilled();
                    claim.put("tags", List.of(tag));
                    createClaim(claim);
                    n++;
                }
                return n;
            });
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = given().queryParam("tag", tag).queryParam("limit", 50).queryParam("sort", sort);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                var page = request.when().get("/api/v1/claims").then().statusCode(200).extract();
                seen.addAll(page.path("items.id"));
                cursor = page.path("nextCursor");
                pages++;
            } while (cursor != null && pages < 100);
            paging.set(false);
            assertThat(inserted.get(30, TimeUnit.SECONDS)).as("claims inserted while paging").isPositive();
            inserter.shutdown();

            List<String> originalSeen = seen.stream().filter(original::contains).toList();
            assertThat(originalSeen).as(sort).hasSize(500);
            assertThat(new HashSet<>(originalSeen)).as(sort).hasSize(500);
            assertThat(new HashSet<>(seen)).as(sort + ": no row twice").hasSize(seen.size());
        }
    }

    /** Runs n calls at once, released together, and returns their results in call order. */
    static <T> List<T> race(int n, IndexedCall<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 50));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<T> task = () -> {
                start.await();
                return call.run(index);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    interface IndexedCall<T> {
        T run(int index) throws Exception;
    }
}
