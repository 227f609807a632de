package org.claimledger.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.claimledger.common.time.Ids;
import org.claimledger.feed.FeedEvent;
import org.claimledger.feed.FeedRepository;
import org.jboss.logging.Logger;

/**
 * Delivers the ledger's events to the subscriptions, at least once and in ledger order per
 * subscription. An instance takes a due subscription with FOR UPDATE SKIP LOCKED and holds it for a
 * lease, so no two instances send to one subscription at once; it creates delivery rows for the next
 * events after the subscription's cursor, sends the first undelivered one, and records the answer.
 * A failed delivery is retried with exponential backoff and jitter, the later ones wait behind it;
 * after {@code claims.webhooks.give-up-after} the subscription is disabled and says why. An
 * instance that dies mid-delivery loses its lease, and the delivery is sent again with the same
 * webhook-id. No transaction is open while a request is on the wire.
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int EXCERPT = 500;
    private static final int BATCH = 100;

    private final WebhookRepository hooks;
    private final DeliveryRepository deliveries;
    private final TargetGuard guard;
    private final FeedRepository ledger;
    private final ObjectMapper mapper;
    private final Duration lease;
    private final Duration readTimeout;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Duration giveUpAfter;
    private final Duration pollInterval;
    private final HttpClient http;

    WebhookDispatcher(WebhookRepository hooks, DeliveryRepository deliveries, TargetGuard guard, FeedRepository ledger,
            ObjectMapper mapper, WebhookConfig config) {
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.guard = guard;
        this.ledger = ledger;
        this.mapper = mapper;
        this.lease = config.lease();
        this.readTimeout = config.readTimeout();
        this.retryInitial = config.retryInitial();
        this.retryMax = config.retryMax();
        this.giveUpAfter = config.giveUpAfter();
        this.pollInterval = config.pollInterval();
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(config.connectTimeout())
                .build();
    }

    /** What to do next for a held subscription. */
    private sealed interface Step {
    }

    private record Idle(Instant nextRun) implements Step {
    }

    private record More() implements Step {
    }

    private record Send(UUID delivery, String messageId, String url, List<String> secrets, String body)
            implements Step {
    }

    @Scheduled(every = "${claims.webhooks.poll-interval:1S}", delayed = "2S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        for (int i = 0; i < 50; i++) {
            UUID token = UUID.randomUUID();
            Optional<UUID> held;
            try {
                held = QuarkusTransaction.requiringNew().call(() -> hooks.lease(token, lease));
            } catch (RuntimeException e) {
                LOG.debugf("webhooks: cannot take a subscription: %s", e);
                return;
            }
            if (held.isEmpty()) {
                return;
            }
            UUID id = held.get();
            Instant next;
            try {
                next = work(id);
            } catch (RuntimeException e) {
                LOG.warnf("webhooks: subscription %s failed, retrying later: %s", id, e.toString());
                next = Instant.now().plusSeconds(5);
            }
            Instant nextRun = next;
            try {
                QuarkusTransaction.requiringNew().run(() -> hooks.release(id, token, nextRun));
            } catch (RuntimeException e) {
                LOG.debugf("webhooks: cannot release %s (its lease expires): %s", id, e);
            }
        }
    }

    /** Works on one held subscription for at most half its lease; answers when to look at it again. */
    private Instant work(UUID id) {
        long deadline = System.nanoTime() + lease.toNanos() / 2;
        while (System.nanoTime() < deadline) {
            Step step = QuarkusTransaction.requiringNew().call(() -> next(id));
            if (step instanceof Idle idle) {
                return idle.nextRun();
            }
            if (step instanceof Send send) {
                Attempt attempt = send(send);
                Instant retryAt = QuarkusTransaction.requiringNew().call(() -> record(id, send.delivery(), attempt));
                if (retryAt != null) {
                    return retryAt;
                }
            }
        }
        return Instant.now();
    }

    private Step next(UUID id) {
        Webhook hook = hooks.findById(id);
        if (hook == null || !hook.enabled) {
            return new Idle(Instant.now().plus(Duration.ofDays(3650)));
        }
        Optional<WebhookDelivery> head = deliveries.head(id);
        if (head.isEmpty()) {
            return enqueue(hook);
        }
        WebhookDelivery delivery = head.get();
        if (delivery.nextAttemptAt.isAfter(Instant.now())) {
            return new Idle(delivery.nextAttemptAt);
        }
        FeedEvent event = ledger.event(delivery.revision, delivery.entityType, delivery.entityId)
                .orElseThrow(() -> new IllegalStateException("ledger entry of " + delivery.messageId + " is gone"));
        List<String> secrets = new ArrayList<>(List.of(hook.secret));
        if (hook.previousSecret != null && hook.previousSecretUntil != null
                && hook.previousSecretUntil.isAfter(Instant.now())) {
            secrets.add(hook.previousSecret);
        }
        return new Send(delivery.id, delivery.messageId, hook.url, secrets, body(event));
    }

    /** Creates the delivery rows of the next events after the cursor; idle when there are none. */
    private Step enqueue(Webhook hook) {
        List<FeedEvent> entries = ledger.after(hook.cursor, BATCH);
        if (entries.isEmpty()) {
            return new Idle(Instant.now().plus(pollInterval));
        }
        long revision = -1;
        int seq = 0;
        Instant now = Ids.now();
        for (FeedEvent event : entries) {
            seq = event.revision() == revision ? seq + 1 : 0;
            revision = event.revision();
            if (!hook.events.isEmpty() && !hook.events.contains(event.event())) {
                continue;
            }
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = Ids.newId();
            delivery.webhookId = hook.id;
            // a checkpoint concerns no entity: its number alone names it
            delivery.messageId = "msg_" + event.revision() + "_" + (event.entityId() == null ? "checkpoint" : event.entityId());
            delivery.revision = event.revision();
            delivery.seq = seq;
            delivery.entityType = event.entityType();
            delivery.entityId = event.entityId();
            delivery.event = event.event();
            delivery.status = WebhookDelivery.Status.PENDING;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            deliveries.persist(delivery);
        }
        hooks.advance(hook.id, revision);
        return new More();
    }

    /** The Standard Webhooks payload: the event's type and time, and its envelope as data. */
    private String body(FeedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.event());
        body.put("timestamp", event.timestamp());
        body.put("data", event);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Attempt(Integer status, String error, String excerpt) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Attempt send(Send send) {
        URI target;
        try {
            target = guard.check(send.url()); // again: what a name resolves to can change
        } catch (TargetGuard.Refused refused) {
            return new Attempt(null, "target refused: url " + refused.getMessage(), null);
        }
        long timestamp = Instant.now().getEpochSecond();
        StringBuilder signatures = new StringBuilder();
        for (String secret : send.secrets()) {
            if (!signatures.isEmpty()) {
                signatures.append(' ');
            }
            signatures.append(Signatures.sign(secret, send.messageId(), timestamp, send.body()));
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(readTimeout)
                .header("Content-Type", "application/json").header("User-Agent", "ClaimLedger-Webhooks/1")
                .header("webhook-id", send.messageId()).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures.toString())
                .POST(HttpRequest.BodyPublishers.ofString(send.body(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream in = response.body()) {
                excerpt = new String(in.readNBytes(EXCERPT), StandardCharsets.UTF_8);
            }
            return new Attempt(response.statusCode(), response.statusCode() / 100 == 2 ? null
                    : "answered HTTP " + response.statusCode(), excerpt.isEmpty() ? null : excerpt);
        } catch (IOException e) {
            return new Attempt(null, shorten(e.getClass().getSimpleName() + ": " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "interrupted", null);
        }
    }

    /** Records an attempt; answers when to try again, or null when it was delivered. */
    private Instant record(UUID hookId, UUID deliveryId, Attempt attempt) {
        WebhookDelivery delivery = deliveries.findById(deliveryId);
        Instant now = Ids.now();
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        if (delivery.firstAttemptAt == null) {
            delivery.firstAttemptAt = now;
        }
        delivery.lastStatusCode = attempt.status();
        delivery.lastError = attempt.error();
        delivery.responseExcerpt = attempt.excerpt();
        if (attempt.delivered()) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            return null;
        }
        if (Duration.between(delivery.firstAttemptAt, now).compareTo(giveUpAfter) >= 0) {
            delivery.status = WebhookDelivery.Status.FAILED;
            hooks.disable(hookId, shorten("disabled at " + now + ": delivery " + delivery.messageId + " failed "
                    + delivery.attempts + " times since " + delivery.firstAttemptAt + "; last: " + attempt.error()));
            LOG.warnf("webhooks: subscription %s disabled, %s kept failing", hookId, delivery.messageId);
            return now;
        }
        delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
        return delivery.nextAttemptAt;
    }

    /** Exponential from retry-initial, capped at retry-max, with jitter so that receivers are not hit in step. */
    Duration backoff(int attempts) {
        double exponential = retryInitial.toMillis() * Math.pow(2, Math.min(30, attempts - 1));
        double capped = Math.min(exponential, retryMax.toMillis());
        double jittered = capped * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5);
        return Duration.ofMillis((long) jittered);
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 490 ? text : text.substring(0, 490) + "...";
    }
}
