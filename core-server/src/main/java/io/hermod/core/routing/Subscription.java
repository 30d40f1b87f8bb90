package io.hermod.core.routing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscription: a subject filter, an optional queue group, the subscriber's id for it and the sink its
 * messages go to. Identity matters: the subject index holds subscriptions by reference.
 *
 * <p>Thread-safe: messages are delivered from whichever event loop a publisher is on.
 */
public final class Subscription {
    private final String subject;
    private final String queue;
    private final String sid;
    private final MessageSink sink;
    private final AtomicLong delivered = new AtomicLong();
    private volatile long maxMessages = -1;

    public Subscription(String subject, String queue, String sid, MessageSink sink) {
        this.subject = subject;
        this.queue = queue;
        this.sid = sid;
        this.sink = sink;
    }

    public String subject() {
        return subject;
    }

    /** Null when the subscription is not in a queue group. */
    public String queue() {
        return queue;
    }

    public String sid() {
        return sid;
    }

    public MessageSink sink() {
        return sink;
    }

    public long delivered() {
        return delivered.get();
    }

    /** The maximum set by UNSUB, or -1 when there is none. */
    public long maxMessages() {
        return maxMessages;
    }

    /** UNSUB with a maximum: the subscription ends once that many messages were delivered in all. */
    public void maxMessages(long max) {
        maxMessages = max;
    }

    /**
     * Claims the right to deliver one more message; false when the subscription already reached its maximum.
     * Concurrent publishers never deliver more than the maximum between them.
     */
    boolean claimDelivery() {
        long max = maxMessages;
        if (max <= 0) {
            delivered.incrementAndGet();
            return true;
        }
        while (true) {
            long n = delivered.get();
            if (n >= max) {
                return false;
            }
            if (delivered.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** True once the delivered count reached the maximum set by UNSUB. */
    public boolean exhausted() {
        long max = maxMessages;
        return max > 0 && delivered.get() >= max;
    }

    @Override
    public String toString() {
        return "Subscription[" + subject + (queue == null ? "" : " " + queue) + " sid=" + sid + "]";
    }
}
