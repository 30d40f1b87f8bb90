package io.hermod.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sits in front of the {@link SslHandler} of a TLS-only listener and does what Go's TLS server does around the
 * handshake: a client whose first record is not a TLS handshake record (say, a plaintext {@code CONNECT}) and a
 * client that does not finish the handshake within the TLS timeout are both closed without a byte sent (no
 * {@code -ERR}, no alert), and the failure is logged. Its close starts here, in front of the SslHandler, so no
 * {@code close_notify} goes out. Removes itself once the handshake succeeded. One instance per channel.
 *
 * <p>In front of an HTTPS listener (secure websocket), a plaintext HTTP request gets Go's {@code http.Server}
 * answer instead: {@code 400 Bad Request} and "Client sent an HTTP request to an HTTPS server."
 */
final class TlsHandshakeGuard extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(TlsHandshakeGuard.class);
    private static final int RECORD_HEADER_LENGTH = 5;
    private static final short HANDSHAKE_RECORD = 22;
    /** The record-header-sized beginnings by which Go's http.Server recognises plaintext HTTP. */
    private static final List<String> HTTP_STARTS = List.of("GET /", "HEAD ", "POST ", "PUT /", "OPTIO");
    private static final byte[] HTTP_TO_HTTPS_REPLY = ("HTTP/1.0 400 Bad Request\r\n\r\n"
            + "Client sent an HTTP request to an HTTPS server.\n").getBytes(StandardCharsets.US_ASCII);

    private final Duration timeout;
    private final boolean httpsListener;
    private ByteBuf head;
    private boolean firstRecordChecked;
    private boolean closing;
    private ScheduledFuture<?> timer;

    /** @param httpsListener whether HTTP runs inside the TLS (a secure websocket listener) */
    TlsHandshakeGuard(Duration timeout, boolean httpsListener) {
        this.timeout = timeout;
        this.httpsListener = httpsListener;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> onTimeout(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        ssl.handshakeFuture().addListener(f -> onHandshakeDone(ctx, f));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (firstRecordChecked || !(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            in.release();
            return;
        }
        if (head == null) {
            head = ctx.alloc().buffer(RECORD_HEADER_LENGTH);
        }
        head.writeBytes(in);
        in.release();
        // Like Go, judge the first record by its complete 5-byte header.
        if (head.readableBytes() < RECORD_HEADER_LENGTH) {
            return;
        }
        ByteBuf buffered = head;
        head = null;
        if (buffered.getUnsignedByte(buffered.readerIndex()) != HANDSHAKE_RECORD) {
            String start = buffered.toString(buffered.readerIndex(), RECORD_HEADER_LENGTH, StandardCharsets.US_ASCII);
            buffered.release();
            if (httpsListener && HTTP_STARTS.contains(start)) {
                closing = true;
                log.error("{} - TLS handshake error: client sent an HTTP request to an HTTPS server",
                        ctx.channel().remoteAddress());
                ctx.writeAndFlush(Unpooled.wrappedBuffer(HTTP_TO_HTTPS_REPLY)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            fail(ctx, "TLS handshake error: tls: first record does not look like a TLS handshake");
            return;
        }
        firstRecordChecked = true;
        ctx.fireChannelRead(buffered);
    }

    private void onTimeout(ChannelHandlerContext ctx) {
        if (!closing && ctx.channel().isActive()) {
            fail(ctx, "TLS handshake timeout");
        }
    }

    private void onHandshakeDone(ChannelHandlerContext ctx, Future<?> handshake) {
        if (timer != null) {
            timer.cancel(false);
        }
        if (handshake.isSuccess()) {
            if (ctx.pipeline().context(this) != null) {
                ctx.pipeline().remove(this);
            }
        } else if (!closing && ctx.channel().isActive()) {
            fail(ctx, "TLS handshake error: " + handshake.cause().getMessage());
        }
    }

    private void fail(ChannelHandlerContext ctx, String message) {
        closing = true;
        log.error("{} - {}", ctx.channel().remoteAddress(), message);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (head != null) {
            head.release();
            head = null;
        }
    }
}
