package io.hermod.core.server;

import io.hermod.core.monitor.ClosedConnections;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The live client connections, their ids, and the max_connections limit. Thread-safe. */
final class ConnectionRegistry {
    private volatile int maxConnections;
    private final AtomicLong nextId = new AtomicLong();
    private final AtomicInteger count = new AtomicInteger();
    private final ConcurrentHashMap<Long, ClientConnection> connections = new ConcurrentHashMap<>();
    private final ClosedConnections closed = new ClosedConnections(ClosedConnections.DEFAULT_CAPACITY);

    ConnectionRegistry(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** A reload changes the limit for connections yet to come; live ones stay. */
    void maxConnections(int newLimit) {
        maxConnections = newLimit;
    }

    long nextClientId() {
        return nextId.incrementAndGet();
    }

    /** False when the server is at max_connections; the connection must then be refused. */
    boolean register(ClientConnection connection) {
        while (true) {
            int n = count.get();
            if (n >= maxConnections) {
                return false;
            }
            if (count.compareAndSet(n, n + 1)) {
                connections.put(connection.clientId(), connection);
                return true;
            }
        }
    }

    /**
     * Removes a closing connection and remembers it for monitoring ({@code /connz?state=closed}); call before its
     * subscriptions are dropped, so that the record shows them.
     */
    void unregister(ClientConnection connection) {
        if (connections.remove(connection.clientId()) != null) {
            count.decrementAndGet();
            closed.add(ConnectionSnapshots.closed(connection, Instant.now()));
        }
    }

    /** Recently closed connections. */
    ClosedConnections closed() {
        return closed;
    }

    int size() {
        return count.get();
    }

    Collection<ClientConnection> all() {
        return Collections.unmodifiableCollection(connections.values());
    }
}
