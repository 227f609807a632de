package org.claimledger.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.claimledger.common.error.FieldError;
import org.claimledger.common.error.NotFound;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.Page;
import org.claimledger.common.time.Ids;
import org.claimledger.feed.FeedEvents;
import org.claimledger.history.Ledger;

/** Webhook subscriptions: their targets (checked against SSRF), events, secrets and delivery log. */
@ApplicationScoped
class WebhookService {

    static final ProblemType TARGET_REFUSED =
            ProblemType.of("webhook-target-refused", "The webhook target is not allowed", 422);

    private final WebhookRepository hooks;
    private final DeliveryRepository deliveries;
    private final TargetGuard guard;
    private final Ledger ledger;
    private final Duration secretGrace;

    WebhookService(WebhookRepository hooks, DeliveryRepository deliveries, TargetGuard guard, Ledger ledger,
            WebhookConfig config) {
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.guard = guard;
        this.ledger = ledger;
        this.secretGrace = config.secretGrace();
    }

    /** A new subscription: it receives the events written from now on. Its secret is in this answer only. */
    @Transactional
    public WebhookResponse create(WebhookRequest request) {
        Webhook hook = new Webhook();
        hook.id = Ids.newId();
        hook.url = target(request.url());
        hook.events = events(request.events());
        hook.description = request.description();
        hook.enabled = request.enabled() == null || request.enabled();
        hook.secret = Signatures.newSecret();
        hook.cursor = ledger.head();
        hook.nextRunAt = Ids.now();
        hook.createdAt = hook.nextRunAt;
        hook.updatedAt = hook.nextRunAt;
        hooks.persist(hook);
        return WebhookResponse.of(hook, hook.secret);
    }

    public Page<WebhookResponse> list() {
        return new Page<>(hooks.all().stream().map(h -> WebhookResponse.of(h, null)).toList(), null);
    }

    public WebhookResponse get(UUID id) {
        return WebhookResponse.of(find(id), null);
    }

    @Transactional
    public WebhookResponse update(UUID id, WebhookPatch patch) {
        Webhook hook = find(id);
        if (patch.url() != null) {
            hook.url = target(patch.url());
        }
        if (patch.events() != null) {
            hook.events = events(patch.events());
        }
        if (patch.description() != null) {
            hook.description = patch.description().isBlank() ? null : patch.description();
        }
        if (patch.enabled() != null) {
            if (patch.enabled() && !hook.enabled) {
                hook.disabledReason = null;
                hook.nextRunAt = Ids.now();
                for (WebhookDelivery failed : deliveries.failed(id)) {
                    failed.status = WebhookDelivery.Status.PENDING; // a fresh 24 hours, in ledger order again
                    failed.firstAttemptAt = null;
                    failed.nextAttemptAt = Ids.now();
                }
            }
            hook.enabled = patch.enabled();
        }
        hook.updatedAt = Ids.now();
        return WebhookResponse.of(hook, null);
    }

    @Transactional
    public void delete(UUID id) {
        hooks.delete(find(id));
    }

    /** A new secret, shown in this answer only; the previous one keeps signing for the grace period. */
    @Transactional
    public WebhookResponse rotate(UUID id) {
        Webhook hook = find(id);
        hook.previousSecret = hook.secret;
        hook.previousSecretUntil = Ids.now().plus(secretGrace);
        hook.secret = Signatures.newSecret();
        hook.updatedAt = Ids.now();
        return WebhookResponse.of(hook, hook.secret);
    }

    public Page<DeliveryResponse> deliveries(UUID id, int limit, String cursorText) {
        find(id);
        String fingerprint = Cursor.fingerprint("deliveries", id);
        Cursor after = Cursor.decode(cursorText, fingerprint);
        WebhookDelivery before = after == null ? null : deliveries.findById(after.id());
        return Page.slice(deliveries.page(id, limit, before), limit,
                d -> new Cursor(Long.toString(d.revision), d.id, fingerprint),
                rows -> rows.stream().map(DeliveryResponse::of).toList());
    }

    /** Sends a delivery again at once (a delivered one too), with the same webhook-id. */
    @Transactional
    public DeliveryResponse retry(UUID id, UUID deliveryId) {
        Webhook hook = find(id);
        WebhookDelivery delivery = deliveries.findById(deliveryId);
        if (delivery == null || !delivery.webhookId.equals(id)) {
            throw new NotFound("delivery", deliveryId);
        }
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.firstAttemptAt = null;
        delivery.nextAttemptAt = Ids.now();
        hook.nextRunAt = Ids.now();
        return DeliveryResponse.of(delivery);
    }

    private Webhook find(UUID id) {
        Webhook hook = hooks.findById(id);
        if (hook == null) {
            throw new NotFound("webhook", id);
        }
        return hook;
    }

    private String target(String url) {
        try {
            guard.check(url.trim());
            return url.trim();
        } catch (TargetGuard.Refused refused) {
            throw new ProblemException(TARGET_REFUSED, "url " + refused.getMessage(),
                    List.of(new FieldError("url", refused.getMessage())));
        }
    }

    private static List<String> events(List<String> names) {
        if (names == null) {
            return new ArrayList<>();
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!FeedEvents.NAMES.contains(names.get(i))) {
                errors.add(new FieldError("events[" + i + "]", "must be one of " + new TreeSet<>(FeedEvents.NAMES)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "events names an unknown event", errors);
        }
        return new ArrayList<>(new LinkedHashSet<>(names));
    }
}
