package org.claimledger.feed;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One subscriber's stream. It reads the ledger after its own cursor, in batches and short
 * transactions, whenever it is woken (a new revision, or the once-a-second backstop), and writes
 * the matching events. At most {@code maxBuffered} events may wait for the client to read them;
 * beyond that the stream stops reading, and a client that stays that slow is dropped.
 */
final class FeedStream {

    private static final Logger LOG = Logger.getLogger(FeedStream.class);
    static final String DROPPED = "feed.dropped";

    /** Reads events after a revision; the feed's repository, or anything shaped like it. */
    interface Source {
        List<FeedEvent> after(long revision, FeedFilter filter);
    }

    private final FeedFilter filter;
    private final SseEventSink sink;
    private final Sse sse;
    private final Source source;
    private final Function<FeedEvent, String> json;
    private final Executor executor;
    private final int maxBuffered;
    private final Runnable onClose;
    private final Runnable hardClose;

    private volatile long cursor;
    private final AtomicInteger buffered = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastWriteNanos = System.nanoTime();
    private volatile long stalledSinceNanos;

    FeedStream(FeedFilter filter, long after, SseEventSink sink, Sse sse, Source source,
            Function<FeedEvent, String> json, Executor executor, int maxBuffered, Runnable onClose, Runnable hardClose) {
        this.filter = filter;
        this.cursor = after;
        this.sink = sink;
        this.sse = sse;
        this.source = source;
        this.json = json;
        this.executor = executor;
        this.maxBuffered = maxBuffered;
        this.onClose = onClose;
        this.hardClose = hardClose;
    }

    long cursor() {
        return cursor;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Asks for a read of the ledger; reads run one at a time per stream, on the feed's threads. */
    void wake() {
        wanted.set(true);
        if (!closed.get() && running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false) && !closed.get()) {
                pump();
            }
        } catch (RuntimeException e) {
            LOG.warnf("feed stream could not read the ledger after revision %d (will retry): %s", cursor, e.toString());
        } finally {
            running.set(false);
        }
        if (wanted.get() && !closed.get() && running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void pump() {
        while (!closed.get()) {
            if (sink.isClosed()) {
                close();
                return;
            }
            if (buffered.get() >= maxBuffered) {
                if (stalledSinceNanos == 0) {
                    stalledSinceNanos = System.nanoTime();
                }
                return; // a completed write wakes the stream again
            }
            stalledSinceNanos = 0;
            List<FeedEvent> events = source.after(cursor, filter);
            if (events.isEmpty()) {
                return;
            }
            long done = cursor;
            for (FeedEvent event : events) {
                if (event.revision() != done && buffered.get() >= maxBuffered) {
                    break; // a whole revision at a time, so that resuming after its id misses nothing
                }
                if (filter.matches(event)) {
                    write(sse.newEventBuilder().id(Long.toString(event.revision())).name(event.event())
                            .data(String.class, json.apply(event)).build());
                }
                done = event.revision();
                cursor = done;
            }
        }
    }

    /** Called about once a second: heartbeats, closed clients, slow clients. */
    void tick(long heartbeatNanos, long slowNanos, java.util.concurrent.ScheduledExecutorService timer) {
        long now = System.nanoTime();
        if (closed.get()) {
            return;
        }
        if (sink.isClosed()) {
            close();
            return;
        }
        long stalled = stalledSinceNanos;
        if (stalled != 0 && buffered.get() >= maxBuffered && now - stalled > slowNanos) {
            drop("the client read too slowly: " + buffered.get() + " events waited for it longer than "
                    + slowNanos / 1_000_000_000L + " s; reconnect with Last-Event-ID to resume", timer,
                    java.time.Duration.ofNanos(slowNanos));
            return;
        }
        if (now - lastWriteNanos >= heartbeatNanos) {
            write(sse.newEventBuilder().comment(" heartbeat").build());
        }
    }

    /**
     * Ends the stream with a last event that says why; the client resumes with its Last-Event-ID.
     * A client that does not read that event either loses its connection {@code grace} later.
     */
    void drop(String reason, java.util.concurrent.ScheduledExecutorService timer, java.time.Duration grace) {
        if (closed.get()) {
            return;
        }
        String data = "{\"event\":\"" + DROPPED + "\",\"reason\":\"" + reason.replace("\"", "'") + "\"}";
        LOG.infof("feed stream dropped at revision %d: %s", cursor, reason);
        AtomicBoolean sent = new AtomicBoolean();
        try {
            sink.send(sse.newEventBuilder().name(DROPPED).data(String.class, data).build())
                    .whenComplete((ignored, failure) -> sent.set(true));
        } catch (RuntimeException e) {
            sent.set(true);
        }
        close();
        timer.schedule(() -> {
            if (!sent.get()) {
                hardClose.run();
            }
        }, grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                // already gone
            }
            onClose.run();
        }
    }

    private void write(OutboundSseEvent event) {
        buffered.incrementAndGet();
        lastWriteNanos = System.nanoTime();
        try {
            sink.send(event).whenComplete((ignored, failure) -> {
                int left = buffered.decrementAndGet();
                if (failure != null) {
                    close();
                } else if (stalledSinceNanos != 0 && left < maxBuffered) {
                    wake();
                }
            });
        } catch (RuntimeException e) {
            buffered.decrementAndGet();
            close();
        }
    }
}
