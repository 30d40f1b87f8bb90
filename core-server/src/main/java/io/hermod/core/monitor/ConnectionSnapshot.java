package io.hermod.core.monitor;

import java.time.Instant;
import java.util.List;

/**
 * One client connection as monitoring sees it at one moment.
 *
 * @param stop null while the connection is open
 * @param reason why it closed, in nats-server's words ("Client Closed", "Slow Consumer (Pending Bytes)", …); null
 *     while open
 * @param rttNanos the round trip of the last server PING, 0 before the first PONG
 * @param name the client's CONNECT name, lang and version: each null when not given
 * @param subscriptions null when not asked for
 */
public record ConnectionSnapshot(long cid, String ip, int port, Instant start, Instant lastActivity, Instant stop,
                                 String reason, long rttNanos, long pendingBytes, long inMsgs, long outMsgs,
                                 long inBytes, long outBytes, int subscriptionCount, String name, String lang,
                                 String version, List<SubscriptionSnapshot> subscriptions) {
}
