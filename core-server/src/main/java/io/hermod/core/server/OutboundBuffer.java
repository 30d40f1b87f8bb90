package io.hermod.core.server;

import io.hermod.core.routing.FlushBatch;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connection's outbound bytes, written by any thread (publishers on other event loops) and flushed to the
 * socket on the connection's own event loop. Appends go into one pooled buffer under this object's monitor;
 * a flush swaps the buffer out and hands it to Netty, so many messages leave in one write.
 *
 * <p>{@link #pendingBytes()} counts what was appended and not yet written to the socket; past {@code maxPending}
 * the receiver is a slow consumer and is cut off rather than allowed to grow the heap.
 */
final class OutboundBuffer implements FlushBatch.Flushable {
    private static final int MIN_CAPACITY = 1024;

    private final Channel channel;
    private final long maxPending;
    private final ConnectionMetrics metrics;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flushOnEventLoop;
    private ByteBuf buffer;
    private boolean closed;

    OutboundBuffer(Channel channel, long maxPending, ConnectionMetrics metrics) {
        this.channel = channel;
        this.maxPending = maxPending;
        this.metrics = metrics;
    }

    /** The buffer to append to, with room for {@code sizeHint} bytes, or null once closed. Hold the monitor. */
    ByteBuf appendable(int sizeHint) {
        if (closed) {
            return null;
        }
        if (buffer == null) {
            buffer = channel.alloc().directBuffer(Math.max(MIN_CAPACITY, sizeHint));
        } else {
            buffer.ensureWritable(sizeHint);
        }
        return buffer;
    }

    /** Records an append; false when the receiver is now over its pending limit. Hold the monitor. */
    boolean appended(int bytes) {
        return pendingBytes.addAndGet(bytes) <= maxPending;
    }

    /**
     * Adds this buffer to the publisher's batch unless a flush is already scheduled; the flag is cleared before
     * the swap in {@link #flushOnEventLoop()}, so an append is always covered by a flush that follows it.
     */
    void schedule(FlushBatch batch) {
        if (flushScheduled.compareAndSet(false, true)) {
            batch.add(this);
        }
    }

    @Override
    public void flush() {
        if (channel.eventLoop().inEventLoop()) {
            flushOnEventLoop();
        } else {
            channel.eventLoop().execute(flushTask);
        }
    }

    private void flushOnEventLoop() {
        flushScheduled.set(false);
        ByteBuf out;
        synchronized (this) {
            out = buffer;
            buffer = null;
        }
        if (out == null) {
            return;
        }
        int bytes = out.readableBytes();
        if (bytes == 0 || !channel.isActive()) {
            out.release();
            return;
        }
        metrics.activity(); // as nats-server, what the client receives counts as activity too
        channel.writeAndFlush(out).addListener((ChannelFutureListener) f -> pendingBytes.addAndGet(-bytes));
    }

    long pendingBytes() {
        return pendingBytes.get();
    }

    /** Drops what was not flushed; later appends are refused. */
    synchronized void close() {
        closed = true;
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }
}
