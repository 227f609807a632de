package org.claimledger.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A newsroom tool's webhook endpoint on a loopback port: it records every request and answers with
 * the status it is told to. {@link #verify} checks a Standard Webhooks signature, written from the
 * specification independently of the service's signer.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Request(String id, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> hang =
            new java.util.concurrent.atomic.AtomicReference<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            requests.add(new Request(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"), body));
            java.util.concurrent.CountDownLatch latch = hang.getAndSet(null);
            if (latch != null) {
                try {
                    latch.await(60, java.util.concurrent.TimeUnit.SECONDS); // the sender dies meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int answer = status.get();
            byte[] reply = (answer < 300 ? "" : "receiver is down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length == 0 ? -1 : reply.length);
            if (reply.length > 0) {
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next request is recorded and then left without an answer until {@code release} counts down. */
    public void hangNext(java.util.concurrent.CountDownLatch release) {
        hang.set(release);
    }

    public void answer(int status) {
        this.status.set(status);
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** Waits until the requests received satisfy the condition; fails with what came otherwise. */
    public List<Request> await(Predicate<List<Request>> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(requests())) {
                return requests();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the receiver did not get what was expected in " + timeout + "; it got "
                + requests().stream().map(Request::id).toList());
    }

    /** Standard Webhooks: any v1 signature equals base64(HMAC-SHA256(key, id.timestamp.body)). */
    public static boolean verify(String secret, Request request) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
                    .getBytes(StandardCharsets.UTF_8));
            for (String signature : request.signature().split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
