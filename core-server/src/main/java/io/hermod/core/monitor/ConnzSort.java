package io.hermod.core.monitor;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * The {@code sort} values of {@code /connz}, with nats-server's orders: by connection id ascending (also for
 * {@code start}), uptime ascending, everything else descending.
 */
enum ConnzSort {
    CID("cid"),
    START("start"),
    SUBS("subs"),
    PENDING("pending"),
    MSGS_TO("msgs_to"),
    MSGS_FROM("msgs_from"),
    BYTES_TO("bytes_to"),
    BYTES_FROM("bytes_from"),
    LAST("last"),
    IDLE("idle"),
    UPTIME("uptime"),
    STOP("stop"),
    REASON("reason");

    private final String key;

    ConnzSort(String key) {
        this.key = key;
    }

    /** Empty means by cid. */
    static ConnzSort parse(String value) {
        if (value.isEmpty()) {
            return CID;
        }
        for (ConnzSort sort : values()) {
            if (sort.key.equals(value.toLowerCase(Locale.ROOT))) {
                return sort;
            }
        }
        throw new BadRequestException("invalid sorting option: " + value);
    }

    /** Only closed connections have a stop time and a reason. */
    boolean needsClosed() {
        return this == STOP || this == REASON;
    }

    Comparator<ConnectionSnapshot> comparator(Instant now) {
        Comparator<ConnectionSnapshot> byCid = Comparator.comparingLong(ConnectionSnapshot::cid);
        return switch (this) {
            case CID, START -> byCid;
            case SUBS -> Comparator.comparingInt(ConnectionSnapshot::subscriptionCount).reversed();
            case PENDING -> Comparator.comparingLong(ConnectionSnapshot::pendingBytes).reversed();
            case MSGS_TO -> Comparator.comparingLong(ConnectionSnapshot::outMsgs).reversed();
            case MSGS_FROM -> Comparator.comparingLong(ConnectionSnapshot::inMsgs).reversed();
            case BYTES_TO -> Comparator.comparingLong(ConnectionSnapshot::outBytes).reversed();
            case BYTES_FROM -> Comparator.comparingLong(ConnectionSnapshot::inBytes).reversed();
            case LAST -> Comparator.comparing(ConnectionSnapshot::lastActivity).reversed();
            // Longest idle first: the earliest last activity.
            case IDLE -> Comparator.comparing(ConnectionSnapshot::lastActivity);
            case UPTIME -> Comparator.comparing((ConnectionSnapshot c) ->
                    java.time.Duration.between(c.start(), c.stop() != null ? c.stop() : now));
            case STOP -> Comparator.comparing(ConnectionSnapshot::stop).reversed();
            case REASON -> Comparator.comparing(ConnectionSnapshot::reason);
        };
    }
}
