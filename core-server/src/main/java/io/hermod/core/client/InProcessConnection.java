package io.hermod.core.client;

import io.hermod.core.auth.ConnectionPermissions;
import io.hermod.core.auth.PermissionDeniedException;
import io.hermod.core.routing.FlushBatch;
import io.hermod.core.routing.MessageRouter;
import io.hermod.core.routing.MessageSink;
import io.hermod.core.routing.Subscription;
import io.hermod.core.subject.SubjectValidator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of the server inside the same JVM: it subscribes with callbacks and publishes through the same
 * router as socket clients, so they and it see each other's messages. It may carry permissions, checked like a
 * socket client's (a denied operation throws {@link PermissionDeniedException}). Thread-safe.
 */
public final class InProcessConnection implements MessageSink, AutoCloseable {
    private final String name;
    private final MessageRouter router;
    /** Null when unrestricted. */
    private final ConnectionPermissions permissions;
    private final AtomicLong nextSid = new AtomicLong();
    private final Map<Subscription, MessageHandler> handlers = new ConcurrentHashMap<>();
    /** The batch of the {@link #batched} call running on this thread, if any. */
    private final ThreadLocal<FlushBatch> openBatch = new ThreadLocal<>();
    private volatile boolean closed;

    public InProcessConnection(String name, MessageRouter router) {
        this(name, router, null);
    }

    /** {@code permissions} null means unrestricted. */
    public InProcessConnection(String name, MessageRouter router, ConnectionPermissions permissions) {
        this.name = name;
        this.router = router;
        this.permissions = permissions;
    }

    public String name() {
        return name;
    }

    /** Subscribes to a subject filter (wildcards allowed), in a queue group when {@code queue} is not null. */
    public Subscription subscribe(String subject, String queue, MessageHandler handler) {
        if (closed) {
            throw new IllegalStateException("connection " + name + " is closed");
        }
        if (!SubjectValidator.isValidFilter(subject)
                || (queue != null && !SubjectValidator.isValidQueueName(queue))) {
            throw new IllegalArgumentException("Invalid Subject: " + subject);
        }
        if (permissions != null && !permissions.canSubscribe(subject)) {
            throw new PermissionDeniedException("Permissions Violation for Subscription to \"" + subject + "\"");
        }
        Subscription sub = new Subscription(subject, queue, Long.toString(nextSid.incrementAndGet()), this);
        handlers.put(sub, handler);
        router.subscribe(sub);
        return sub;
    }

    public void unsubscribe(Subscription subscription) {
        if (handlers.remove(subscription) != null) {
            router.unsubscribe(subscription);
        }
    }

    /**
     * Publishes a message; {@code headers} is a raw NATS header block or null. Returns how many subscriptions
     * received it.
     */
    public int publish(String subject, String replyTo, byte[] headers, byte[] payload) {
        if (!SubjectValidator.isValidPublishSubject(subject)) {
            throw new IllegalArgumentException("Invalid Publish Subject: " + subject);
        }
        if (permissions != null && !permissions.canPublish(subject)) {
            throw new PermissionDeniedException("Permissions Violation for Publish to \"" + subject + "\"");
        }
        ByteBuf message = headers == null
                ? Unpooled.wrappedBuffer(payload)
                : Unpooled.wrappedBuffer(headers, payload);
        FlushBatch open = openBatch.get();
        FlushBatch batch = open != null ? open : new FlushBatch();
        int delivered = router.route(this, false, subject, subject, replyTo, headers == null ? -1 : headers.length,
                message, batch);
        if (open == null) {
            batch.flushAll();
        }
        return delivered;
    }

    /**
     * Sends a message to the subscribers of {@code destination} (a literal subject, typically a reply inbox) that
     * they receive under {@code subject}, as nats-server delivers a consumer's messages to a pull request's reply
     * subject. {@code headers} is a raw NATS header block or null. Returns how many subscriptions received it.
     */
    public int send(String destination, String subject, String replyTo, byte[] headers, byte[] payload) {
        if (!SubjectValidator.isValidPublishSubject(destination)) {
            throw new IllegalArgumentException("Invalid Publish Subject: " + destination);
        }
        if (permissions != null && !permissions.canPublish(destination)) {
            throw new PermissionDeniedException("Permissions Violation for Publish to \"" + destination + "\"");
        }
        ByteBuf message = headers == null
                ? Unpooled.wrappedBuffer(payload)
                : Unpooled.wrappedBuffer(headers, payload);
        FlushBatch open = openBatch.get();
        FlushBatch batch = open != null ? open : new FlushBatch();
        int delivered = router.route(this, false, destination, subject, replyTo,
                headers == null ? -1 : headers.length, message, batch);
        if (open == null) {
            batch.flushAll();
        }
        return delivered;
    }

    /** Flushes what the {@link #batched} call running on this thread has sent so far; nothing outside one. */
    public void flushBatch() {
        FlushBatch open = openBatch.get();
        if (open != null) {
            open.flushAll();
        }
    }

    /**
     * Runs {@code work} so that what it publishes and sends on this thread reaches socket receivers in one flush
     * per receiver, at its end, instead of one per message (each flush wakes the receiver's event loop). Work
     * that waits for a reply to what it sent must not run inside, as that message would wait too. Nested calls
     * join the outer one.
     */
    public void batched(Runnable work) {
        if (openBatch.get() != null) {
            work.run();
            return;
        }
        FlushBatch batch = new FlushBatch();
        openBatch.set(batch);
        try {
            work.run();
        } finally {
            openBatch.remove();
            batch.flushAll();
        }
    }

    /** Whether anyone subscribes to {@code subject} (a literal subject), as nats checks a pull request's reply. */
    public boolean hasInterest(String subject) {
        return router.hasInterest(subject);
    }

    /**
     * Whether queue group {@code queue} subscribes to {@code subject} (a literal subject), as nats checks the
     * interest of a push consumer with a deliver group.
     */
    public boolean hasQueueInterest(String subject, String queue) {
        return router.hasQueueInterest(subject, queue);
    }

    @Override
    public void deliver(Subscription subscription, String subject, String replyTo, int headerLength,
                        ByteBuf message, FlushBatch batch) {
        MessageHandler handler = handlers.get(subscription);
        if (handler == null) {
            return;
        }
        if (permissions != null) {
            if (!permissions.canReceive(subscription.subject(), subject)) {
                return;
            }
            permissions.replyReceived(replyTo);
        }
        int start = message.readerIndex();
        byte[] headers = null;
        int headerBytes = Math.max(headerLength, 0);
        if (headerLength >= 0) {
            headers = new byte[headerLength];
            message.getBytes(start, headers);
        }
        byte[] payload = new byte[message.readableBytes() - headerBytes];
        message.getBytes(start + headerBytes, payload);
        handler.onMessage(new Message(subject, replyTo, headers, payload));
    }

    @Override
    public boolean echo() {
        return true;
    }

    @Override
    public void subscriptionEnded(Subscription subscription) {
        handlers.remove(subscription);
    }

    /** Removes every subscription of this connection. */
    @Override
    public void close() {
        closed = true;
        for (Subscription sub : handlers.keySet()) {
            unsubscribe(sub);
        }
    }
}
