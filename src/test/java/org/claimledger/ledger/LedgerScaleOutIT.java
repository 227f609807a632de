package org.claimledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.OVER_SEVENTY_KILLED_JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimledger.support.ServiceProcess;
import org.claimledger.support.TwoInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service over one PostgreSQL take 1,000 concurrent writes while
 * readers fetch checkpoints from both: every checkpoint either instance signed is a prefix of the one
 * final tree, so each is consistent with every earlier one; and the packaged verify-ledger command,
 * run as a reader would, accepts the ledger against the first checkpoint saved.
 */
class LedgerScaleOutIT {

    private static final String KEY = "MC4CAQAwBQYDK2VwBCIEIIC+TnTOkYYb7bdCsGSM82uxYyP8LQuAVBzJ3/xDAUOG";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    @RegisterExtension
    static final TwoInstances INSTANCES = new TwoInstances(Map.of("CLAIMS_LEDGER_SIGNING_KEY", KEY, "CLAIMS_LEDGER_CHECKPOINT_INTERVAL", "1s"));

    @Test
    void shouldKeepEveryCheckpointOfTwoInstancesConsistentOverAThousandWrites() throws Exception {
        ServiceProcess a = INSTANCES.a();
        ServiceProcess b = INSTANCES.b();
        SignedNote.Verifier key = SignedNote.Verifier.parse(a.get("/api/v1/ledger/key").body());
        assertThat(b.get("/api/v1/ledger/key").body()).isEqualTo(a.get("/api/v1/ledger/key").body());
        a.post("/api/v1/claims", OVER_SEVENTY_KILLED_JSON);
        Path saved = temp.resolve("saved.txt");
        Files.writeString(saved, a.get("/api/v1/ledger/checkpoint").body());

        // 200 claims, each created and patched four times, alternating instances: 1,000 writes
        ConcurrentLinkedQueue<Checkpoint> seen = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        Future<?> reader = pool.submit(() -> {
            int i = 0;
            while (writing.get()) {
                seen.add(Checkpoint.parse(key.open((i++ % 2 == 0 ? a : b).get("/api/v1/ledger/checkpoint").body())));
                Thread.sleep(20);
            }
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int c = 0; c < 25; c++) {
                    ServiceProcess first = (writer + c) % 2 == 0 ? a : b;
                    var created = first.post("/api/v1/claims", OVER_SEVENTY_KILLED_JSON);
                    assertThat(created.statusCode()).isEqualTo(201);
                    String id = JSON.readTree(created.body()).path("id").asText();
                    for (int v = 0; v < 4; v++) {
                        var patched = (v % 2 == 0 ? b : a).send("PATCH", "/api/v1/claims/" + id,
                                "{\"quantity\": {\"value\": " + (71 + v) + "}}", Map.of("If-Match", "\"" + v + "\""));
                        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
                    }
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        for (Future<?> f : writers) {
            f.get(600, TimeUnit.SECONDS);
        }
        writing.set(false);
        System.out.printf("1,000 writes over two instances in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        reader.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        Checkpoint last = Checkpoint.parse(key.open(b.get("/api/v1/ledger/checkpoint").body()));
        seen.add(last);
        Thread.sleep(1500); // one more publication round
        try (var c = INSTANCES.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select note from ledger_checkpoint")) {
            while (rs.next()) {
                seen.add(Checkpoint.parse(key.open(rs.getString(1))));
            }
        }
        assertThat(last.size()).isEqualTo(1001);

        // the one tree, rebuilt from the entries either instance serves: every checkpoint is one of its prefixes
        Map<Long, byte[]> roots = new HashMap<>();
        var tree = new Merkle.Compact();
        String cursor = "0";
        while (cursor != null) {
            JsonNode page = JSON.readTree(a.get("/api/v1/ledger/entries?limit=200&from=" + cursor).body());
            for (JsonNode e : page.path("items")) {
                assertThat(e.path("leafIndex").asLong()).isEqualTo(tree.size());
                tree.append(Base64.getDecoder().decode(e.path("leafHash").asText()));
                roots.put(tree.size(), tree.root());
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        }
        assertThat(tree.size()).isEqualTo(last.size());
        long distinct = seen.stream().mapToLong(Checkpoint::size).distinct().count();
        assertThat(distinct).as("checkpoints of distinct sizes seen").isGreaterThan(5);
        for (Checkpoint checkpoint : seen) {
            assertThat(checkpoint.root()).as("checkpoint of size %d", checkpoint.size()).isEqualTo(roots.get(checkpoint.size()));
        }
        // and the service proves each step between consecutive checkpoints
        List<Checkpoint> sorted = seen.stream().sorted((x, y) -> Long.compare(x.size(), y.size())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            Checkpoint from = sorted.get(i - 1);
            Checkpoint to = sorted.get(i);
            List<byte[]> proof = new ArrayList<>();
            if (from.size() < to.size()) {
                JSON.readTree((i % 2 == 0 ? a : b).get("/api/v1/ledger/proofs/consistency?from=" + from.size() + "&to=" + to.size())
                        .body()).path("consistencyPath").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
            }
            assertThat(Merkle.verifyConsistency(from.size(), to.size(), from.root(), to.root(), proof))
                    .as("%d -> %d", from.size(), to.size()).isTrue();
        }

        // the packaged verifier, as a reader runs it: no database, no server of its own
        Process verify = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString(), "verify-ledger",
                "--url", "http://127.0.0.1:" + b.port(), "--checkpoint", saved.toString(), "--api-key", ServiceProcess.KEY)
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).contains("recomputed 1001 leaves").doesNotContain("PostgreSQL").doesNotContain("Listening");
        Process usage = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString(), "verify-ledger")
                .redirectErrorStream(true).start();
        usage.getInputStream().readAllBytes();
        assertThat(usage.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(usage.exitValue()).isEqualTo(2);
    }
}
