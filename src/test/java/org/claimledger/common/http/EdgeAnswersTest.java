package org.claimledger.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client gets when the HTTP/1.1 codec itself refuses the request, spoken over a raw socket
 * because no well-behaved client sends such bytes: a broken chunk, a chunked body over the limit,
 * a request line or headers over the server's limits. Every answer is a problem, and the service
 * logs it quietly.
 */
@QuarkusTest
class EdgeAnswersTest {

    private static final String TYPES = "https://claimledger.org/problems/";

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger edge = Logger.getLogger(EdgeAnswers.class.getName());
    private Level edgeLevel;

    @BeforeEach
    void captureTheLog() {
        edgeLevel = edge.getLevel();
        edge.setLevel(Level.FINE);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        edge.setLevel(edgeLevel);
    }

    @Test
    void shouldAnswerAMalformedChunkSizeWithAProblemAndLogItQuietly() throws Exception {
        String marker = "Chunked " + System.nanoTime();
        Answer answer = exchange(chunkedPost() + "zz\r\n{\"statement\": \"" + marker + "\"}\r\n0\r\n\r\n");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.header("connection")).isEqualTo("close");
        assertThat(answer.body).contains("\"type\":\"" + TYPES + "malformed-request\"", "\"status\":400",
                "\"title\":\"The request could not be read\"", "chunked body is malformed");
        assertThat(Db.count("select count(*) from claim where statement = ?", marker)).isZero();
        assertQuietlyLogged("body framing is malformed");
    }

    @Test
    void shouldAnswerAMalformedChunkThatComesWhileTheRequestIsBeingReadWithAProblem() throws Exception {
        String marker = "Half a claim " + System.nanoTime();
        String first = "{\"statement\": \"" + marker + "\", ";
        Answer answer = exchange(chunkedPost() + Integer.toHexString(first.length()) + "\r\n" + first + "\r\n",
                "not-hex\r\n\"type\": \"OTHER\"}\r\n0\r\n\r\n");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.body).contains(TYPES + "malformed-request");
        assertThat(Db.count("select count(*) from claim where statement = ?", marker)).isZero();
        assertQuietlyLogged("body framing is malformed");
    }

    @Test
    void shouldAnswerAnOverflowingChunkSizeWithAProblem() throws Exception {
        Answer answer = exchange(chunkedPost() + "FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.body).contains(TYPES + "malformed-request");
    }

    @Test
    void shouldAnswerAChunkedBodyOverTheLimitWithPayloadTooLarge() throws Exception {
        String big = "{\"statement\": \"" + "x".repeat(300 * 1024) + "\", \"type\": \"OTHER\"}";
        StringBuilder chunks = new StringBuilder(chunkedPost());
        for (int i = 0; i < big.length(); i += 4096) {
            String part = big.substring(i, Math.min(big.length(), i + 4096));
            chunks.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
        }
        Answer answer = exchange(chunks.append("0\r\n\r\n").toString());

        assertThat(answer.status).isEqualTo(413);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.body).contains(TYPES + "payload-too-large", "\"status\":413");
        assertNoErrorLogged();
    }

    @Test
    void shouldOnlyCloseTheConnectionWhenAMalformedChunkComesAfterTheAnswer() throws Exception {
        // refused on its Content-Type before its body is read: answered while the chunks still come
        String raw = readAll(chunkedPost().replace("application/json", "text/plain") + "2\r\n{}\r\n",
                "zz\r\n{}\r\n0\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 415 ").contains(TYPES + "unsupported-media-type");
        assertThat(raw.split("HTTP/1\\.1 ", -1)).as("one answer, no second one for the same request").hasSize(2);
        assertQuietlyLogged("body framing is malformed");
    }

    @Test
    void shouldAnswerAnOverlongUrlWithAProblemWhateverItsLength() throws Exception {
        for (int kib : new int[] {9, 63, 64, 70, 1024}) {
            Answer answer = exchange("GET /api/v1/claims?q=" + "a".repeat(kib * 1024) + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + ApiTest.ADMIN_KEY + "\r\n\r\n");

            assertThat(answer.status).as(kib + " KiB").isEqualTo(414);
            assertThat(answer.header("content-type")).as(kib + " KiB").isEqualTo("application/problem+json");
            assertThat(answer.body).as(kib + " KiB").contains("\"type\":\"" + TYPES + "uri-too-long\"",
                    "\"title\":\"The URL is too long\"", "\"status\":414", "at most 8192 characters");
        }
        assertNoErrorLogged();
    }

    @Test
    void shouldAnswerOversizedHeadersWithAProblemWhateverTheirSize() throws Exception {
        for (int kib : new int[] {17, 63, 64, 70, 1024}) {
            Answer answer = exchange("GET /api/v1/claims HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + ApiTest.ADMIN_KEY + "\r\nX-Padding: " + "a".repeat(kib * 1024) + "\r\n\r\n");

            assertThat(answer.status).as(kib + " KiB").isEqualTo(431);
            assertThat(answer.header("content-type")).as(kib + " KiB").isEqualTo("application/problem+json");
            assertThat(answer.body).as(kib + " KiB").contains("\"type\":\"" + TYPES + "headers-too-large\"",
                    "\"title\":\"The request headers are too large\"", "\"status\":431", "16 KiB");
        }
        assertNoErrorLogged();
    }

    @Test
    void shouldAnswerAnUnreadableRequestLineOrHeaderWithAProblem() throws Exception {
        for (String request : new String[] {"GARBAGE\r\n\r\n",
                "GET /api/v1/claims HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n"}) {
            Answer answer = exchange(request);

            assertThat(answer.status).as(request).isEqualTo(400);
            assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
            assertThat(answer.body).contains(TYPES + "malformed-request", "not valid HTTP/1.1");
        }
        assertNoErrorLogged();
    }

    @Test
    void shouldAnswerEveryRequestBeforeARefusedOneOnTheSameConnection() throws Exception {
        String good = "GET /api/v1/claims?limit=1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + ApiTest.ADMIN_KEY + "\r\n\r\n";
        String raw = readAll(good + "GET /api/v1/claims?q=" + "a".repeat(70 * 1024) + " HTTP/1.1\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 200 ");
        assertThat(raw.indexOf("HTTP/1.1 414 ")).isGreaterThan(0);
        assertThat(raw.substring(raw.indexOf("HTTP/1.1 414 "))).contains(TYPES + "uri-too-long");
    }

    private static String chunkedPost() {
        return "POST /api/v1/claims HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ApiTest.ADMIN_KEY
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    private void assertQuietlyLogged(String message) {
        assertNoErrorLogged();
        synchronized (logged) {
            assertThat(logged).anySatisfy(r -> {
                assertThat(r.getLoggerName()).isEqualTo(EdgeAnswers.class.getName());
                assertThat(r.getLevel().intValue()).isLessThan(Level.INFO.intValue());
                assertThat(r.getMessage() + " " + String.valueOf(r.getParameters() == null ? "" : List.of(r.getParameters())))
                        .contains(message);
            });
        }
    }

    private void assertNoErrorLogged() {
        synchronized (logged) {
            assertThat(logged).noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
            assertThat(logged).noneMatch(r -> r.getLoggerName().equals(EdgeAnswers.class.getName())
                    && r.getLevel().intValue() >= Level.INFO.intValue());
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends the parts (pausing between them, so that the server is already reading) and reads the first answer. */
    private static Answer exchange(String... parts) throws Exception {
        try (Socket socket = open()) {
            CompletableFuture<Void> sent = send(socket, parts);
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            sent.cancel(true);
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Everything the server answers until it closes the connection. */
    private static String readAll(String... parts) throws Exception {
        try (Socket socket = open()) {
            send(socket, parts);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Writes in the background, so that a server that answers before reading everything is heard. */
    private static CompletableFuture<Void> send(Socket socket, String... parts) {
        return CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        Thread.sleep(300);
                    }
                    out.write(parts[i].getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException | InterruptedException stoppedListening) {
                // the server answered and closed before taking everything: what it answered is what counts
            }
        });
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection without an answer; got: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).trim();
    }
}
