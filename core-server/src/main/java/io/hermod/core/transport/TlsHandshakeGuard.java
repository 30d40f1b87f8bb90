package io.hermod.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sits in front of the {@link SslHandler} of a TLS-only listener and does what Go's TLS server does around the
 * handshake: a client whose first record is not a TLS handshake record (say, a plaintext {@code CONNECT}) and a
 * client that does not finish the handshake within the TLS timeout are both closed without a byte sent (no
 * {@code -ERR}, no alert), and the failure is logged. Its close starts here, in front of the SslHandler, so no
 * {@code close_notify} goes out. Removes itself once the handshake succeeded. One instance per channel.
 */
final class TlsHandshakeGuard extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(TlsHandshakeGuard.class);
    private static final int RECORD_HEADER_LENGTH = 5;
    private static final short HANDSHAKE_RECORD = 22;

    private final Duration timeout;
    private ByteBuf head;
    private boolean firstRecordChecked;
    private boolean closing;
    private ScheduledFuture<?> timer;

    TlsHandshakeGuard(Duration timeout) {
        this.timeout = timeout;
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
            buffered.release();
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
