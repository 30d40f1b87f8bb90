package io.hermod.core.monitor;

/**
 * One subscription as monitoring sees it.
 *
 * @param queue null for a plain subscription
 * @param max the UNSUB maximum, or -1 when there is none
 */
public record SubscriptionSnapshot(String subject, String queue, String sid, long msgs, long max, long cid) {
}
