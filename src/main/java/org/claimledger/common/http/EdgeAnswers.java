package org.claimledger.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.Http1xOrH2CHandler;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import org.claimledger.common.error.Problem;
import org.claimledger.common.error.ProblemMapper;
import org.claimledger.common.error.ProblemType;
import org.jboss.logging.Logger;

/**
 * Answers, with problem bodies, what the HTTP/1.1 codec refuses before any resource runs: a request
 * line longer than the server's limit (414), headers larger than it (431), a request line or header
 * that cannot be parsed (400), and a malformed chunk in a chunked body (400). Left to themselves,
 * Vert.x answers the first three with empty bodies and drops the connection on the last, whatever
 * the request handler is doing.
 * <p>
 * Quarkus 3.33 gives no way to set the Vert.x {@code HttpServer#invalidRequestHandler} (it creates
 * and starts the server itself; {@code HttpServerOptionsCustomizer} only sees the options), and
 * a malformed chunk never reaches a handler at all. So this works one level down: each accepted
 * connection gets a {@link FramingGuard} right behind Vert.x's HTTP/1.1 codec, which answers what
 * the codec could not read itself and keeps it from Vert.x. Every refusal is logged at DEBUG: it is
 * the client's fault, not an incident. After such an answer the connection is closed, with a short
 * linger that reads and discards what the client still sends, so that the answer is not lost to a
 * TCP reset.
 */
@Singleton
class EdgeAnswers {

    private static final Logger LOG = Logger.getLogger(EdgeAnswers.class);
    private static final String ACCEPT_HOOK = "claims-edge-accept";
    private static final String CONNECTION_HOOK = "claims-edge-connection";
    private static final String GUARD = "claims-edge-guard";
    private static final String ENCODER = "httpEncoder";
    private static final long LINGER_SECONDS = 2;

    private final Vertx vertx;
    private final ObjectMapper json;

    EdgeAnswers(Vertx vertx, ObjectMapper json) {
        this.vertx = vertx;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        install();
    }

    void onHttpStart(@ObservesAsync HttpServerStart event) {
        install();
    }

    /** Hooks every listening HTTP server, once; each new connection is then prepared as it is accepted. */
    synchronized void install() {
        int hooked = 0;
        for (TCPServerBase server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            Channel listener = listeningChannel(server);
            if (listener != null && listener.pipeline().get(ACCEPT_HOOK) == null) {
                listener.pipeline().addFirst(ACCEPT_HOOK, new AcceptHook());
                hooked++;
            }
        }
        if (hooked > 0) {
            LOG.debugf("Problem answers for malformed and oversized requests set up on %d HTTP listener(s)", hooked);
        }
    }

    /** The channel a Vert.x server listens on; Vert.x keeps it private, hence the reflection. */
    private static Channel listeningChannel(TCPServerBase server) {
        try {
            Field bind = TCPServerBase.class.getDeclaredField("bindFuture");
            bind.setAccessible(true);
            if (bind.get(server) instanceof io.vertx.core.Future<?> bound && bound.succeeded()
                    && bound.result() instanceof Channel channel) {
                return channel;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Cannot reach the HTTP listener (%s): oversized and malformed requests get Vert.x's bare answers", e);
        }
        return null;
    }

    /** The problem for a request the HTTP codec could not read: its request line, its headers or its body framing. */
    static Problem refusal(Throwable cause, boolean inBody) {
        if (inBody) {
            return ProblemMapper.edgeProblem(ProblemType.MALFORMED_REQUEST, "the chunked body is malformed ("
                    + reason(cause) + "); nothing was written");
        }
        if (cause instanceof TooLongHttpLineException) {
            return ProblemMapper.edgeProblem(ProblemType.URI_TOO_LONG,
                    "the path and query may be at most " + RequestLimits.MAX_URL_CHARS + " characters");
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return ProblemMapper.edgeProblem(ProblemType.HEADERS_TOO_LARGE,
                    "the request headers may be at most " + RequestLimits.MAX_HEADER_BYTES / 1024 + " KiB together");
        }
        return ProblemMapper.edgeProblem(ProblemType.MALFORMED_REQUEST,
                "the request line or a header is not valid HTTP/1.1 (" + reason(cause) + ")");
    }

    /** The codec's own words, short and printable: they may quote what the client sent. */
    private static String reason(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).replaceAll("\\p{Cntrl}", "?");
        return message.length() <= 120 ? message : message.substring(0, 120) + "...";
    }

    private byte[] body(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body cannot be written", e);
        }
    }

    /** On the listening channel: sees each accepted connection before Vert.x sets it up. */
    @ChannelHandler.Sharable
    private final class AcceptHook extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel connection) {
                connection.pipeline().addFirst(CONNECTION_HOOK, new ConnectionHook());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * First on a new connection until Vert.x's HTTP/1.1 codec is in place, then puts a
     * {@link FramingGuard} right behind it. Without TLS, Vert.x first looks whether the bytes are an
     * HTTP/2 preface; it is given them one at a time until it has decided, so that the guard is in
     * place before the first request is decoded.
     */
    private final class ConnectionHook extends ChannelInboundHandlerAdapter {
        private int reads;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (msg instanceof ByteBuf bytes) {
                for (int fed = 0; bytes.isReadable() && pipeline.get(ENCODER) == null && detecting(pipeline)
                        && fed < Http1xOrH2CHandler.HTTP_2_PREFACE.length(); fed++) {
                    ctx.fireChannelRead(bytes.readRetainedSlice(1));
                }
            }
            boolean http1 = pipeline.get(ENCODER) != null;
            if (http1) {
                pipeline.addAfter(ENCODER, GUARD, new FramingGuard());
            }
            if (http1 || (!detecting(pipeline) && pipeline.get("ssl") == null) || ++reads > 16) {
                pipeline.remove(this); // HTTP/1.1 guarded, or HTTP/2, which frames requests its own way
            }
            if (msg instanceof ByteBuf bytes && !bytes.isReadable()) {
                bytes.release();
            } else {
                ctx.fireChannelRead(msg);
            }
        }

        private static boolean detecting(ChannelPipeline pipeline) {
            return pipeline.toMap().values().stream().anyMatch(Http1xOrH2CHandler.class::isInstance);
        }
    }

    /**
     * Between the HTTP/1.1 codec and Vert.x. Answers what the decoder could not read, in the order
     * requests came: a request line or headers (414, 431, 400) as soon as the requests before it are
     * answered; a malformed chunk (400) if its request has no answer yet (otherwise there is nothing
     * left to say, and the connection is only closed). Then closes the connection, with a linger.
     */
    private final class FramingGuard extends ChannelDuplexHandler {
        private int requests;
        private int answered;
        private boolean answering;
        private boolean closing;
        private Problem pending;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (closing || pending != null) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                Throwable cause = request.decoderResult().cause();
                ReferenceCountUtil.release(msg);
                pending = refusal(cause, false);
                LOG.debugf("Refused a request from %s that the HTTP codec could not read (%s): %d",
                        ctx.channel().remoteAddress(), cause, pending.status);
                answerPending(ctx);
                return;
            }
            if (msg instanceof HttpRequest) {
                requests++;
            } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
                Throwable cause = content.decoderResult().cause();
                ReferenceCountUtil.release(msg);
                boolean unanswered = !answering && answered == requests - 1;
                LOG.debugf("Refused a request from %s whose body framing is malformed (%s): %s",
                        ctx.channel().remoteAddress(), cause, unanswered ? "400" : "already answered, closed");
                if (unanswered) {
                    answered = requests; // the request being read is answered here, not by Vert.x
                    pending = refusal(cause, true);
                    answerPending(ctx);
                } else {
                    closing = true;
                    linger(ctx);
                }
                return;
            }
            ctx.fireChannelRead(msg);
        }

        /** Writes the refusal once every earlier request is answered, then lingers and closes. */
        private void answerPending(ChannelHandlerContext ctx) {
            if (pending == null || closing || answering || answered < requests) {
                return;
            }
            closing = true;
            var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(pending.status), Unpooled.wrappedBuffer(body(pending)));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set("X-Content-Type-Options", "nosniff")
                    .set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(response).addListener(written -> linger(ctx));
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (closing) {
                ReferenceCountUtil.release(msg); // Vert.x answering a request the guard has already refused
                promise.trySuccess();
                return;
            }
            boolean informational = msg instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL; // 100 Continue, 103
            if (msg instanceof HttpResponse && !informational) {
                answering = true;
            }
            boolean done = msg instanceof LastHttpContent && answering && !informational;
            if (done) {
                answering = false;
                answered++;
            }
            ctx.write(msg, promise);
            if (done && pending != null) {
                ctx.flush();
                answerPending(ctx);
            }
        }

        /** Stops writing, reads and drops what the client still sends for a moment, then closes. */
        private void linger(ChannelHandlerContext ctx) {
            if (ctx.channel() instanceof SocketChannel socket && socket.isActive()) {
                socket.shutdownOutput();
                ctx.executor().schedule(() -> ctx.close(), LINGER_SECONDS, TimeUnit.SECONDS);
            } else {
                ctx.close();
            }
        }
    }
}
