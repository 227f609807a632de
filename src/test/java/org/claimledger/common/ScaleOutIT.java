package org.claimledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.OVER_SEVENTY_KILLED_JSON;

import java.net.http.HttpResponse;
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
import org.claimledger.support.ServiceProcess;
import org.claimledger.support.TwoInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances of the packaged service on two loopback ports over one PostgreSQL: the guarantees
 * that hold within one instance (one winner per ETag, one row per Idempotency-Key) hold across them,
 * because every piece of state they share lives in PostgreSQL.
 */
class ScaleOutIT {

    @RegisterExtension
    static final TwoInstances INSTANCES = new TwoInstances(Map.of());

    @Test
    void shouldLetExactlyOneOfTwentyPatchesWinAcrossTwoInstances() throws Exception {
        ServiceProcess a = INSTANCES.a();
        ServiceProcess b = INSTANCES.b();
        String id = a.post("/api/v1/claims", OVER_SEVENTY_KILLED_JSON).body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        List<Integer> statuses = race(20, i -> (i % 2 == 0 ? a : b).send("PATCH", "/api/v1/claims/" + id,
                "{\"quantity\": {\"value\": " + (71 + i) + "}}", Map.of("If-Match", "\"0\"")).statusCode());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 412).count()).isEqualTo(19);
        try (var c = INSTANCES.connect();
                var s = c.prepareStatement("select version from claim where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (var rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldCreateOnceForOneIdempotencyKeySentToBothInstances() throws Exception {
        ServiceProcess a = INSTANCES.a();
        ServiceProcess b = INSTANCES.b();
        String key = UUID.randomUUID().toString();
        List<HttpResponse<String>> responses = race(20, i -> (i % 2 == 0 ? a : b).send("POST", "/api/v1/claims",
                OVER_SEVENTY_KILLED_JSON, Map.of("Idempotency-Key", key)));
        var bodies = new HashSet<String>();
        for (var r : responses) {
            assertThat(r.statusCode()).isEqualTo(201);
            bodies.add(r.body());
        }
        assertThat(bodies).hasSize(1);
        String id = bodies.iterator().next().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        assertThat(b.get("/api/v1/claims/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAKeyOnOneInstanceWithinASecondOfItsRevocationOnTheOther() throws Exception {
        ServiceProcess a = INSTANCES.a();
        ServiceProcess b = INSTANCES.b();
        var created = a.post("/api/v1/api-keys", "{\"name\": \"wire-desk-" + UUID.randomUUID() + "\", \"role\": \"READER\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        String secret = created.body().replaceAll(".*\"secret\":\"(cl_[^\"]+)\".*", "$1");
        Map<String, String> asDesk = Map.of("Authorization", "Bearer " + secret);
        // B verifies the key and remembers it
        assertThat(b.send("GET", "/api/v1/claims", null, asDesk).statusCode()).isEqualTo(200);
        assertThat(b.send("GET", "/api/v1/claims", null, asDesk).statusCode()).isEqualTo(200);

        assertThat(a.send("DELETE", "/api/v1/api-keys/" + id, null, Map.of()).statusCode()).isEqualTo(204);
        long revoked = System.nanoTime();

        int status = 200;
        while (status != 401 && System.nanoTime() - revoked < TimeUnit.SECONDS.toNanos(1)) {
            status = b.send("GET", "/api/v1/claims", null, asDesk).statusCode();
        }
        assertThat(status).as("B's answer within a second of the revocation on A").isEqualTo(401);
        assertThat(a.send("GET", "/api/v1/claims", null, asDesk).statusCode()).isEqualTo(401);
    }

    static <T> List<T> race(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<T> task = () -> {
                go.await();
                return call.run(index);
            };
            futures.add(pool.submit(task));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    interface Call<T> {
        T run(int index) throws Exception;
    }
}
