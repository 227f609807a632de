package org.claimledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code verify-ledger}: checks, without trusting the service, that the ledger a saved checkpoint
 * describes was only ever appended to. It fetches a new checkpoint and checks its signature, the
 * consistency proof from the saved one, and every leaf, recomputed from the entries the API serves,
 * against both roots. Exit 0 when all holds, 1 when anything does not (naming the first bad leaf),
 * 2 on usage errors. Plain Java: it starts no database and no HTTP server.
 */
public final class VerifyLedger {

    static final String USAGE = """
            usage: verify-ledger --url <service> --checkpoint <saved checkpoint file> --api-key <key>
                                 [--key <verifier key line, or a file holding it>] [--save <file>]
              Fetches the current checkpoint of the service's ledger and proves that it extends the saved one.
              --key   the pinned verifier key (GET /api/v1/ledger/key once, keep it); without it the service's
                      key is used, and the saved checkpoint must verify under it
              --save  where to write the new checkpoint when everything holds (may be the --checkpoint file)
              exit 0: the ledger holds; 1: it does not, or could not be checked; 2: usage error""";

    private static final int PAGE = 200;

    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private String url;
    private String apiKey;

    private VerifyLedger(PrintStream out) {
        this.out = out;
    }

    public static void main(String... args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of("--url", "--checkpoint", "--api-key", "--key", "--save").contains(name) || i + 1 >= args.length) {
                err.println(name.equals("--help") ? USAGE : "verify-ledger: unexpected argument " + name + "\n" + USAGE);
                return 2;
            }
            options.put(name, args[++i]);
        }
        for (String required : List.of("--url", "--checkpoint", "--api-key")) {
            if (options.get(required) == null || options.get(required).isBlank()) {
                err.println("verify-ledger: " + required + " is required\n" + USAGE);
                return 2;
            }
        }
        String saved;
        SignedNote.Verifier pinned = null;
        try {
            saved = Files.readString(Path.of(options.get("--checkpoint")));
            Checkpoint.parse(textOf(saved));
            if (options.containsKey("--key")) {
                String key = options.get("--key");
                pinned = SignedNote.Verifier.parse(Files.isRegularFile(Path.of(key)) ? Files.readString(Path.of(key)) : key);
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("verify-ledger: " + e.getMessage());
            return 2;
        }
        var verifier = new VerifyLedger(out);
        verifier.url = options.get("--url").replaceAll("/+$", "");
        verifier.apiKey = options.get("--api-key");
        try {
            String fresh = verifier.verify(saved, pinned);
            if (fresh == null) {
                return 1;
            }
            if (options.containsKey("--save")) {
                Files.writeString(Path.of(options.get("--save")), fresh);
                out.println("saved the new checkpoint to " + options.get("--save"));
            }
            return 0;
        } catch (Unverifiable e) {
            out.println("FAILED: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            out.println("FAILED: cannot read the ledger from " + verifier.url + ": " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The new checkpoint's note when everything holds; null after reporting what does not. */
    private String verify(String savedNote, SignedNote.Verifier pinned) throws IOException, InterruptedException {
        SignedNote.Verifier key = pinned;
        if (key == null) {
            try {
                key = SignedNote.Verifier.parse(get("/api/v1/ledger/key"));
            } catch (IllegalArgumentException e) {
                throw new Unverifiable("the service's verifier key is malformed: " + e.getMessage());
            }
        }
        Checkpoint saved = Checkpoint.parse(open(key, savedNote, "the saved checkpoint"));
        String freshNote = get("/api/v1/ledger/checkpoint");
        Checkpoint fresh = Checkpoint.parse(open(key, freshNote, "the service's checkpoint"));
        out.printf("key %s; saved checkpoint: %d leaves; current checkpoint: %d leaves%n", key, saved.size(), fresh.size());
        if (!saved.origin().equals(fresh.origin())) {
            throw new Unverifiable("the checkpoints are of different logs: " + saved.origin() + " and " + fresh.origin());
        }

        Problems problems = new Problems();
        if (fresh.size() < saved.size()) {
            problems.leaf(fresh.size(), "the ledger shrank from " + saved.size() + " to " + fresh.size()
                    + " leaves: leaves " + fresh.size() + " to " + (saved.size() - 1) + " are gone");
        } else if (saved.size() > 0) {
            List<byte[]> proof = new ArrayList<>();
            if (saved.size() < fresh.size()) {
                JsonNode body = json.readTree(get("/api/v1/ledger/proofs/consistency?from=" + saved.size() + "&to=" + fresh.size()));
                body.path("consistencyPath").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
            }
            if (!Merkle.verifyConsistency(saved.size(), fresh.size(), saved.root(), fresh.root(), proof)) {
                problems.general("the current checkpoint is not consistent with the saved one: "
                        + "the first " + saved.size() + " leaves were changed");
            } else {
                out.printf("consistency proof %d -> %d: ok%n", saved.size(), fresh.size());
            }
        }

        // every leaf, recomputed from the entries served
        Merkle.Compact tree = new Merkle.Compact();
        Map<String, String> chains = new HashMap<>();
        long next = 0;
        boolean savedRootChecked = saved.size() == 0;
        while (next < fresh.size()) {
            JsonNode page = json.readTree(get("/api/v1/ledger/entries?from=" + next + "&limit=" + PAGE));
            JsonNode items = page.path("items");
            if (items.isEmpty()) {
                break;
            }
            long before = next;
            for (JsonNode e : items) {
                long index = e.path("leafIndex").asLong();
                if (index >= fresh.size() || index < next) {
                    break;
                }
                if (index > next) {
                    problems.leaf(next, "leaves " + next + " to " + (index - 1) + " have no entry: their history was deleted");
                    while (tree.size() < index) {
                        tree.append(new byte[Merkle.HASH_BYTES]); // unknown: the roots will not match
                        savedRootChecked = checkSavedRoot(tree, saved, problems, savedRootChecked);
                    }
                }
                String entity = e.path("entityType").asText() + " " + e.path("entityId").asText();
                String what = "leaf " + index + " (" + entity + " revision " + e.path("revision").asLong() + ")";
                byte[] leafHash = Merkle.leafHash(Leaf.bytes(text(e, "entityType"), text(e, "entityId"),
                        e.path("revision").asLong(), text(e, "timestamp"), text(e, "actor"), text(e, "reason"),
                        text(e, "requestId"), text(e, "prevHash"), text(e, "hash"), text(e, "content")));
                if (!Arrays.equals(leafHash, Base64.getDecoder().decode(e.path("leafHash").asText()))) {
                    problems.leaf(index, what + " does not hash to the leaf the tree holds: the entry was rewritten");
                }
                String previous = chains.put(entity, text(e, "hash"));
                if (!(previous == null ? "" : previous).equals(text(e, "prevHash"))) {
                    problems.leaf(index, what + " does not follow the " + entity + "'s previous entry in the ledger");
                }
                tree.append(leafHash);
                savedRootChecked = checkSavedRoot(tree, saved, problems, savedRootChecked);
                next = index + 1;
            }
            if (next == before || page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()) {
                break;
            }
        }
        if (next < fresh.size()) {
            problems.leaf(next, "leaves " + next + " to " + (fresh.size() - 1) + " have no entry: their history was deleted");
        }
        if (tree.size() == fresh.size() && !Arrays.equals(tree.root(), fresh.root())) {
            problems.general("the entries served do not hash to the current checkpoint's root");
        }
        out.printf("recomputed %d leaves from the entries served%n", tree.size());
        return problems.report(out) ? freshNote : null;
    }

    private static boolean checkSavedRoot(Merkle.Compact tree, Checkpoint saved, Problems problems, boolean done) {
        if (!done && tree.size() == saved.size()) {
            if (!Arrays.equals(tree.root(), saved.root())) {
                problems.general("the first " + saved.size() + " leaves, recomputed from the entries served, "
                        + "no longer hash to the saved checkpoint's root: the ledger was rewritten");
            }
            return true;
        }
        return done;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String open(SignedNote.Verifier key, String note, String what) {
        try {
            return key.open(note);
        } catch (IllegalArgumentException e) {
            throw new Unverifiable(what + " does not verify with key " + key + ": " + e.getMessage());
        }
    }

    private static String textOf(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("the saved checkpoint is not a signed note");
        }
        return note.substring(0, split + 1);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new Unverifiable("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** What does not hold, and the lowest leaf it names. */
    private static final class Problems {
        private final Map<String, Long> found = new LinkedHashMap<>();
        private long firstBadLeaf = Long.MAX_VALUE;

        void leaf(long index, String message) {
            if (found.size() < 20) {
                found.putIfAbsent(message, index);
            }
            firstBadLeaf = Math.min(firstBadLeaf, index);
        }

        void general(String message) {
            found.putIfAbsent(message, null);
        }

        /** Whether all held; otherwise prints each problem and the first bad leaf. */
        boolean report(PrintStream out) {
            if (found.isEmpty()) {
                out.println("OK: the ledger extends the saved checkpoint and every leaf matches its entry");
                return true;
            }
            found.keySet().forEach(m -> out.println("problem: " + m));
            out.println(firstBadLeaf == Long.MAX_VALUE
                    ? "FAILED: the ledger was rewritten; the service rewrote its tree too, so the bad leaf is among "
                            + "the saved checkpoint's leaves but cannot be named from one saved checkpoint"
                    : "FAILED: the ledger was rewritten; first bad leaf: " + firstBadLeaf);
            return false;
        }
    }

    /** The ledger could not be checked: the service refused, or a signature does not verify. */
    private static final class Unverifiable extends RuntimeException {
        Unverifiable(String message) {
            super(message, null, false, false);
        }
    }
}
