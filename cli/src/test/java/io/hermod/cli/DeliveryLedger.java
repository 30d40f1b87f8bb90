package io.hermod.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a crash test's client saw of one durable consumer across server restarts, and the rules it checks on every
 * delivery: a message whose acknowledgement the server confirmed never comes again ({@link #violations()}), and a
 * message seen before comes again only with a higher delivery count, so with the redelivered flag
 * ({@link #countRepeats()}). Thread-safe.
 */
final class DeliveryLedger {
    /** Stream sequence → delivery count last seen, for messages seen and not confirmed acknowledged. */
    private final Map<Long, Integer> outstanding = new HashMap<>();
    /** Sent an ack for these, but its confirmation never came: the ack may or may not have taken effect. */
    private final Set<Long> maybeAcked = new HashSet<>();
    private final Set<Long> confirmedAcked = new HashSet<>();
    /** Stream sequence → payload of its first delivery. */
    private final Map<Long, byte[]> firstPayloads = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> countRepeats = new ArrayList<>();
    private long deliveries;
    private long redeliveries;
    private long confirmed;

    /** Records a delivery; a breach of the rules is kept for {@link #violations()}. */
    synchronized void delivered(long seq, int deliveryCount, byte[] payload, String context) {
        deliveries++;
        if (confirmedAcked.contains(seq)) {
            violations.add(context + ": " + seq + " came back (delivery " + deliveryCount
                    + ") after the server confirmed its ack");
            return;
        }
        Integer seen = outstanding.get(seq);
        if (seen != null) {
            if (deliveryCount <= seen) {
                countRepeats.add(context + ": " + seq + " came again with delivery count " + deliveryCount
                        + ", seen before with " + seen);
            }
            redeliveries++;
        }
        outstanding.put(seq, deliveryCount);
        maybeAcked.remove(seq);
        firstPayloads.putIfAbsent(seq, payload);
    }

    synchronized void ackConfirmed(long seq) {
        outstanding.remove(seq);
        maybeAcked.remove(seq);
        confirmedAcked.add(seq);
        confirmed++;
    }

    /** The ack was sent (or tried) but not confirmed: the message may come back or not. */
    synchronized void ackUnconfirmed(long seq) {
        maybeAcked.add(seq);
    }

    /** Delivered, not acknowledged for sure, and without an ack in doubt: these must come back. */
    synchronized Set<Long> mustComeBack() {
        Set<Long> due = new TreeSet<>(outstanding.keySet());
        due.removeAll(maybeAcked);
        return due;
    }

    synchronized long confirmedAcks() {
        return confirmed;
    }

    synchronized long deliveries() {
        return deliveries;
    }

    synchronized long redeliveries() {
        return redeliveries;
    }

    /** Distinct messages seen so far. */
    synchronized int seen() {
        return firstPayloads.size();
    }

    synchronized Map<Long, byte[]> firstPayloads() {
        return new HashMap<>(firstPayloads);
    }

    /** Breaches of at-most-once-after-a-confirmed-ack: a confirmed ack did not hold. */
    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /**
     * Messages that came again without a higher delivery count than the client saw before: the server sent them
     * but its state did not record that delivery before the crash (at least once holds; the redelivered flag
     * does not).
     */
    synchronized List<String> countRepeats() {
        return List.copyOf(countRepeats);
    }
}
