package io.hermod.core.routing;

import io.hermod.core.subject.SubjectIndex;
import io.hermod.core.subject.SubjectIndexStats;
import io.hermod.core.subject.SubjectMatch;
import io.hermod.core.subject.QueueGroup;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Routes a published message to every matching subscription and to one member of each matching queue group.
 * Thread-safe: called concurrently from every event loop and from in-process publishers.
 */
public final class MessageRouter {
    /** The status-only header block nats-server sends when a request finds no responders (ADR-4). */
    private static final byte[] NO_RESPONDERS = "NATS/1.0 503\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SubjectIndex<Subscription> index = SubjectIndex.create();

    public void subscribe(Subscription subscription) {
        index.add(subscription.subject(), subscription.queue(), subscription);
    }

    public boolean unsubscribe(Subscription subscription) {
        return index.remove(subscription.subject(), subscription.queue(), subscription);
    }

    public int subscriptionCount() {
        return index.count();
    }

    /** Whether a message published on {@code subject} would reach at least one subscription. */
    public boolean hasInterest(String subject) {
        SubjectMatch<Subscription> match = index.match(subject);
        return !match.plain().isEmpty() || !match.groups().isEmpty();
    }

    /** Whether queue group {@code queue} has a member subscribed to a filter matching {@code subject}. */
    public boolean hasQueueInterest(String subject, String queue) {
        List<QueueGroup<Subscription>> groups = index.match(subject).groups();
        for (int g = 0, n = groups.size(); g < n; g++) {
            if (groups.get(g).name().equals(queue) && !groups.get(g).members().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The subject index's counters, for monitoring. */
    public SubjectIndexStats indexStats() {
        return index.stats();
    }

    /**
     * Delivers the message and returns how many subscriptions received it. When none did and the publisher
     * asked for no-responder notices, the publisher gets a 503 status on its reply subject, if it listens there.
     */
    public int route(MessageSink publisher, boolean noResponders, String subject, String replyTo,
                     int headerLength, ByteBuf message, FlushBatch batch) {
        return route(publisher, noResponders, subject, subject, replyTo, headerLength, message, batch);
    }

    /**
     * As {@link #route(MessageSink, boolean, String, String, int, ByteBuf, FlushBatch)}, but matched against
     * {@code destination} while the subscribers see {@code subject}, as nats-server delivers a JetStream message to
     * a pull request's reply subject under the message's own subject.
     */
    public int route(MessageSink publisher, boolean noResponders, String destination, String subject,
                     String replyTo, int headerLength, ByteBuf message, FlushBatch batch) {
        SubjectMatch<Subscription> match = index.match(destination);
        int delivered = 0;
        boolean skipOwn = !publisher.echo();
        List<Subscription> plain = match.plain();
        for (int i = 0, n = plain.size(); i < n; i++) {
            Subscription sub = plain.get(i);
            if (skipOwn && sub.sink() == publisher) {
                continue;
            }
            if (deliver(sub, subject, replyTo, headerLength, message, batch)) {
                delivered++;
            }
        }
        List<QueueGroup<Subscription>> groups = match.groups();
        for (int g = 0, n = groups.size(); g < n; g++) {
            if (deliverToOneOf(groups.get(g).members(), publisher, skipOwn, subject, replyTo, headerLength, message, batch)) {
                delivered++;
            }
        }
        if (delivered == 0 && noResponders && replyTo != null) {
            notifyNoResponders(publisher, replyTo, batch);
        }
        return delivered;
    }

    /** Starts at a random member so that load spreads, and moves on past members that cannot take it. */
    private boolean deliverToOneOf(List<Subscription> members, MessageSink publisher, boolean skipOwn,
                                   String subject, String replyTo, int headerLength, ByteBuf message,
                                   FlushBatch batch) {
        int size = members.size();
        int start = size == 1 ? 0 : ThreadLocalRandom.current().nextInt(size);
        for (int k = 0; k < size; k++) {
            Subscription sub = members.get((start + k) % size);
            if (skipOwn && sub.sink() == publisher) {
                continue;
            }
            if (deliver(sub, subject, replyTo, headerLength, message, batch)) {
                return true;
            }
        }
        return false;
    }

    private boolean deliver(Subscription sub, String subject, String replyTo, int headerLength, ByteBuf message,
                            FlushBatch batch) {
        if (!sub.claimDelivery()) {
            return false;
        }
        sub.sink().deliver(sub, subject, replyTo, headerLength, message, batch);
        if (sub.exhausted() && unsubscribe(sub)) {
            sub.sink().subscriptionEnded(sub);
        }
        return true;
    }

    private void notifyNoResponders(MessageSink publisher, String replyTo, FlushBatch batch) {
        List<Subscription> candidates = index.match(replyTo).plain();
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Subscription sub = candidates.get(i);
            if (sub.sink() == publisher) {
                ByteBuf status = Unpooled.wrappedBuffer(NO_RESPONDERS);
                publisher.deliver(sub, replyTo, null, NO_RESPONDERS.length, status, batch);
                return;
            }
        }
    }
}
