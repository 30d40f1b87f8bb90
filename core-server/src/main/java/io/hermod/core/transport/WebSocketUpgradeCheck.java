package io.hermod.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Checks an upgrade request the way nats-server does (RFC 6455 section 4.2.1, in its order, then the origin
 * policy) before Netty's handshaker sees it, and answers a bad one as Go's {@code http.Error} does: status text
 * plus newline as a plain-text body. Any path is accepted. Removes itself once a request passed.
 */
final class WebSocketUpgradeCheck extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(WebSocketUpgradeCheck.class);
    /** Go's http.TimeFormat: the day of month always has two digits. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final OriginPolicy origins;
    private final boolean tls;

    WebSocketUpgradeCheck(OriginPolicy origins, boolean tls) {
        this.origins = origins;
        this.tls = tls;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String error = problem(request);
        if (error != null) {
            HttpResponseStatus status = error.startsWith("request method") ? HttpResponseStatus.METHOD_NOT_ALLOWED
                    : error.startsWith("origin") ? HttpResponseStatus.FORBIDDEN : HttpResponseStatus.BAD_REQUEST;
            log.error("{} - websocket handshake error: {}", ctx.channel().remoteAddress(), error);
            request.release();
            ctx.writeAndFlush(errorResponse(status)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(request);
    }

    private String problem(FullHttpRequest request) {
        HttpHeaders h = request.headers();
        if (!HttpMethod.GET.equals(request.method())) {
            return "request method must be GET";
        }
        String host = h.get(HttpHeaderNames.HOST);
        if (host == null || host.isEmpty()) {
            return "'Host' missing in request";
        }
        if (!containsToken(h, "Upgrade", "websocket")) {
            return "invalid value for header 'Upgrade'";
        }
        if (!containsToken(h, "Connection", "Upgrade")) {
            return "invalid value for header 'Connection'";
        }
        String key = h.get(HttpHeaderNames.SEC_WEBSOCKET_KEY);
        if (key == null || key.isEmpty()) {
            return "key missing";
        }
        if (!containsToken(h, "Sec-WebSocket-Version", "13")) {
            return "invalid version";
        }
        String origin = h.get(HttpHeaderNames.ORIGIN);
        if (origin == null || origin.isEmpty()) {
            origin = h.get(HttpHeaderNames.SEC_WEBSOCKET_ORIGIN);
        }
        String rejected = origins.reject(origin, host, tls);
        return rejected == null ? null : "origin not allowed: " + rejected;
    }

    private static boolean containsToken(HttpHeaders headers, String name, String token) {
        for (String value : headers.getAll(name)) {
            for (String t : value.split(",")) {
                if (t.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static FullHttpResponse errorResponse(HttpResponseStatus status) {
        ByteBuf body = Unpooled.copiedBuffer(status.reasonPhrase() + "\n", StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        HttpHeaders h = response.headers();
        // Go's spelling and order of the headers.
        h.set("Content-Type", "text/plain; charset=utf-8");
        h.set("Sec-Websocket-Version", "13");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        h.set("Content-Length", Integer.toString(body.readableBytes()));
        return response;
    }
}
