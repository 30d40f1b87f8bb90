package io.hermod.core.routing;

import io.netty.buffer.ByteBuf;

/**
 * Where a subscription's messages go: a client connection's outbound buffer or an in-process subscriber.
 * Publishers are sinks too, so that routing can honour {@code echo: false}.
 */
public interface MessageSink {

    /**
     * Delivers one message on the caller's thread. {@code message} is the header block (first
     * {@code headerLength} bytes; -1 means no headers) followed by the payload, readable only during the call.
     * A network sink only buffers and adds itself to {@code batch}, which the publisher flushes once per read.
     */
    void deliver(Subscription subscription, String subject, String replyTo, int headerLength, ByteBuf message,
                 FlushBatch batch);

    /** Whether this sink receives the messages it publishes itself. */
    boolean echo();

    /** The subscription reached the maximum its UNSUB set and was removed from the index. */
    void subscriptionEnded(Subscription subscription);
}
