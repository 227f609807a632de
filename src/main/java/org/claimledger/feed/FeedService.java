package org.claimledger.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.jboss.logging.Logger;

/**
 * The live change feed of this instance: at most {@code claims.feed.max-streams} open streams, each
 * reading the ledger after its own cursor when a new revision is announced (LISTEN/NOTIFY, see
 * {@link LedgerListener}) or, as a backstop, about once a second; heartbeats on quiet streams.
 */
@ApplicationScoped
class FeedService {

    static final ProblemType TOO_MANY_STREAMS =
            ProblemType.of("too-many-streams", "This instance serves as many feed streams as it may", 503);
    private static final Logger LOG = Logger.getLogger(FeedService.class);
    private static final int BATCH = 200;

    private final FeedRepository ledger;
    private final ObjectMapper mapper;
    private final int maxStreams;
    private final int maxBuffered;
    private final Duration heartbeat;
    private final Duration slowConsumerTimeout;
    private final Set<FeedStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService readers = Executors.newFixedThreadPool(4, daemon("feed-reader"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("feed-ticker"));

    FeedService(FeedRepository ledger, ObjectMapper mapper, FeedConfig config) {
        this.ledger = ledger;
        this.mapper = mapper;
        this.maxStreams = config.maxStreams();
        this.maxBuffered = config.maxBufferedEvents();
        this.heartbeat = config.heartbeat();
        this.slowConsumerTimeout = config.slowConsumerTimeout();
        long tick = Math.max(100, Math.min(1000, heartbeat.toMillis() / 2));
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream that replays everything after revision {@code after} (the newest revision when
     * null) and then follows the ledger live. Refused with 503 when this instance is full.
     */
    void open(FeedFilter filter, Long after, SseEventSink sink, Sse sse, Runnable hardClose) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new ProblemException(TOO_MANY_STREAMS, "this instance already serves " + maxStreams
                    + " feed streams; retry later or on another instance").header("Retry-After", "5");
        }
        FeedStream stream;
        try {
            long start = after != null ? after : ledger.head();
            stream = new FeedStream(filter, start, sink, sse,
                    (revision, f) -> ledger.after(revision, f, BATCH), this::json, readers, maxBuffered,
                    open::decrementAndGet, hardClose);
        } catch (RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
        streams.add(stream);
        stream.wake();
    }

    /** The ledger may have moved: wakes the streams that are behind it. */
    void ledgerMoved() {
        streams.removeIf(FeedStream::isClosed);
        if (streams.isEmpty()) {
            return;
        }
        long head;
        try {
            head = ledger.head();
        } catch (RuntimeException e) {
            LOG.debugf("feed: cannot read the ledger's head: %s", e);
            return;
        }
        for (FeedStream stream : streams) {
            if (stream.cursor() < head) {
                stream.wake();
            }
        }
    }

    int openStreams() {
        return open.get();
    }

    private void tick() {
        try {
            long heartbeatNanos = heartbeat.toNanos();
            long slowNanos = slowConsumerTimeout.toNanos();
            for (FeedStream stream : streams) {
                stream.tick(heartbeatNanos, slowNanos, ticker);
            }
            streams.removeIf(FeedStream::isClosed);
        } catch (RuntimeException e) {
            LOG.warn("feed: heartbeat round failed", e);
        }
    }

    private String json(FeedEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        for (FeedStream stream : streams) {
            stream.close();
        }
        streams.clear();
        ticker.shutdownNow();
        readers.shutdownNow();
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
