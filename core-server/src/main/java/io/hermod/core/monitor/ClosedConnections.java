package io.hermod.core.monitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recently closed connections, as nats-server keeps them for {@code /connz?state=closed}: a ring of
 * fixed capacity (nats-server's default is 10,000) where the oldest entry gives way. Thread-safe; written once per
 * closed connection, never on the message path.
 */
public final class ClosedConnections {
    /** nats-server's {@code DEFAULT_MAX_CLOSED_CLIENTS}. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ArrayDeque<ConnectionSnapshot> ring;

    public ClosedConnections(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.ring = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public synchronized void add(ConnectionSnapshot closed) {
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(closed);
    }

    /** Oldest first. */
    public synchronized List<ConnectionSnapshot> snapshot() {
        return new ArrayList<>(ring);
    }
}
