package org.claimledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimledger.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code bash} block of README.md that calls the service ({@code $API}), in order and in one shell session, against the packaged
 * service on its embedded database, as a reader who copies them would, and checks what they
 * answer: a README change that breaks an example fails the build. The only substitutions are the
 * two the README asks its reader to make: the service's address and the admin key from the log.
 */
class ReadmeExamplesIT {

    private static final Path README = Path.of("README.md");
    private static final String URL_IN_README = "http://localhost:8080";
    private static final String KEY_IN_README = "cl_...the key from the log...";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** A bash block and the heading of the section it is in. */
    record Block(String section, String code) {
    }

    static List<Block> bashBlocks(String readme) {
        List<Block> blocks = new ArrayList<>();
        String section = "";
        Matcher m = Pattern.compile("(?m)^(#{2,3} [^\\n]*)$|^```bash\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE)
                .matcher(readme);
        while (m.find()) {
            if (m.group(1) != null) {
                section = m.group(1).replaceFirst("^#+ ", "");
            } else {
                blocks.add(new Block(section, m.group(2)));
            }
        }
        return blocks;
    }

    @Test
    void shouldRunEveryShellExampleOfTheReadmeAgainstThePackagedService() throws Exception {
        String readme = Files.readString(README);
        // the examples addressed to the service ($API); others (verify-ledger against a public URL) cannot run here,
        // nor can the feed's `curl -N`, which follows the stream until stopped (FeedTest and FeedIT prove the feed)
        List<Block> blocks = bashBlocks(readme).stream()
                .filter(b -> b.code().contains("$API") || b.code().contains(URL_IN_README))
                .filter(b -> !b.code().contains("curl -N")) // nor verify-ledger, run from the checkout (VerifyLedgerTest, LedgerScaleOutIT)
                .filter(b -> !b.code().contains("verify-ledger")).toList();
        assertThat(blocks.stream().map(Block::section).distinct().toList()).as("sections with examples")
                .anyMatch(s -> s.startsWith("Quick start")).contains("Safe retries: Idempotency-Key", "Search and sync",
                        "Verification workflow", "ClaimReview (schema.org)", "History: who changed what, when and why");
        assertThat(blocks).allSatisfy(b -> assertThat(b.code()).as("a bash block in " + b.section()
                + " whose closing ``` stands alone on its line").doesNotContain("```"));
        assertThat(blocks.get(0).code()).as("the quick start comes first").contains(URL_IN_README).contains(KEY_IN_README);

        int port = ServiceProcess.freePort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, String> env = Map.of("CLAIMS_EMBEDDED_DATA_DIR", temp.resolve("pg").toString(),
                "QUARKUS_HTTP_PORT", Integer.toString(port), "CLAIMS_BOOTSTRAP_ADMIN_KEY", ServiceProcess.KEY);
        try (var service = ServiceProcess.start(env, temp.resolve("service.log"), port, http)) {
            StringBuilder script = new StringBuilder();
            for (int i = 0; i < blocks.size(); i++) {
                script.append("echo '@@@ ").append(i).append("'\n")
                        .append(blocks.get(i).code().replace(URL_IN_README, "http://127.0.0.1:" + port)
                                .replace(KEY_IN_README, ServiceProcess.KEY))
                        .append("\necho\n");
            }
            script.append("echo '@@@ vars'\necho \"CLAIM=$CLAIM\"\necho \"ARTICLE=$ARTICLE\"\n");
            Path file = temp.resolve("readme.sh");
            Files.writeString(file, script);
            Process bash = new ProcessBuilder("bash", file.toString()).directory(temp.toFile())
                    .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(temp.resolve("err.txt").toFile())
                    .start();
            assertThat(bash.waitFor(180, TimeUnit.SECONDS)).as("the examples finish").isTrue();
            String out = Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8);
            String err = Files.readString(temp.resolve("err.txt"), StandardCharsets.UTF_8);
            assertThat(err).as("nothing on stderr (a missing tool, a jq error)\n" + out).isEmpty();
            assertThat(bash.exitValue()).isZero();

            Map<String, String> outputs = new LinkedHashMap<>();
            String[] parts = out.split("@@@ ");
            for (String part : parts) {
                int newline = part.indexOf('\n');
                if (newline > 0) {
                    outputs.put(part.substring(0, newline), part.substring(newline + 1));
                }
            }
            String claim = value(outputs.get("vars"), "CLAIM");
            String article = value(outputs.get("vars"), "ARTICLE");
            assertThat(claim).as("$CLAIM\n" + out).matches("[0-9a-f-]{36}");
            assertThat(article).as("$ARTICLE\n" + out).matches("[0-9a-f-]{36}");

            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                String output = outputs.get(Integer.toString(i));
                assertThat(output).as("output of the block in " + block.section()).isNotNull();
                assertThat(output).as(block.section() + ": no problem answered\n" + output)
                        .doesNotContain("\"status\":500").doesNotContain("\"status\":404").doesNotContain("\"status\":400")
                        .doesNotContain("\"status\":401").doesNotContain("\"status\":415").doesNotContain("\"status\":422");
                check(block, output, claim, article, service);
            }

            JsonNode stored = JSON.readTree(service.get("/api/v1/claims/" + claim).body());
            assertThat(stored.path("statement").asText()).isEqualTo("Two explosions killed at least 90 people");
            assertThat(stored.path("quantity").path("value").asInt()).isEqualTo(90);
            assertThat(stored.path("status").asText()).isEqualTo("VERIFIED");
            assertThat(stored.path("sources")).hasSize(1);
            assertThat(stored.path("articles")).hasSize(1);
            assertThat(stored.path("articles").get(0).path("articleId").asText()).isEqualTo(article);
        }
    }

    private static void check(Block block, String output, String claim, String article, ServiceProcess service)
            throws Exception {
        String section = block.section();
        if (section.startsWith("Quick start")) {
            assertThat(output).contains("HTTP/1.1 200").contains("\"type\":\"ATTRIBUTION\"")
                    .contains("\"statement\":\"Two explosions killed at least 90 people\"");
        } else if (section.startsWith("Dates with the precision")) {
            Matcher created = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"statement\":\"ISIS-K was formed in 2015\"")
                    .matcher(output);
            assertThat(created.find()).as(output).isTrue();
            assertThat(output).contains("\"eventDate\":\"2015\"")
                    .contains("{\"items\":[{\"id\":\"" + created.group(1) + "\"");
        } else if (section.startsWith("Conditional requests")) {
            assertThat(output).as("the stale If-Match").contains("HTTP/1.1 412");
        } else if (section.startsWith("Safe retries")) {
            assertThat(Pattern.compile("HTTP/1.1 201").matcher(output).results().count()).isEqualTo(2);
            assertThat(output.toLowerCase()).containsOnlyOnce("idempotent-replayed: true");
            JsonNode all = JSON.readTree(service.get("/api/v1/claims?limit=200").body()).path("items");
            long created = 0;
            for (JsonNode c : all) {
                if (c.path("statement").asText().equals("Including at least 12 U.S. military members")) {
                    created++;
                }
            }
            assertThat(created).as("one claim for two attempts").isEqualTo(1);
        } else if (section.startsWith("Search and sync")) {
            assertThat(output.split("\n")[0]).as("the search finds the quick start's claim").contains(claim);
        } else if (section.startsWith("Verification workflow")) {
            assertThat(output).contains("\"status\":\"IN_REVIEW\"").contains("\"status\":\"VERIFIED\"")
                    .contains("{\"items\":[{\"id\":\"" + claim + "\"").contains("\"total\":1")
                    .contains("id,statement,").contains("supersededAt").contains(claim + ",");
        } else if (section.startsWith("ClaimReview")) {
            assertThat(output).contains("\"@type\":\"ClaimReview\"").contains("\"ratingValue\":5")
                    .contains("\"claimReviewed\":\"Two explosions killed at least 90 people\"").contains("\"@graph\":[");
        } else if (section.startsWith("History") && block.code().contains("/diff")) {
            assertThat(output).contains("\"field\":\"quantity.value\"").contains("\"field\":\"statement\"")
                    .contains("\"reason\":");
        } else if (section.startsWith("History") && block.code().contains("/verify")) {
            Matcher promised = Pattern.compile("\"revisions\": (\\d+)").matcher(block.code());
            assertThat(promised.find()).isTrue();
            assertThat(output).contains("\"valid\":true").contains("\"revisions\":" + promised.group(1));
        } else if (section.startsWith("Security")) {
            assertThat(output).as("the list shows the new key").contains("\"name\":\"newsroom-cms\"");
            assertThat(service.get("/api/v1/api-keys").body()).as("revoked").doesNotContain("newsroom-cms");
        }
    }

    private static String value(String vars, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=(.*)$").matcher(vars == null ? "" : vars);
        return m.find() ? m.group(1) : null;
    }
}
