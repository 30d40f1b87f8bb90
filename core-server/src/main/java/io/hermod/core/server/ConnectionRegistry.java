package io.hermod.core.server;

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

    void unregister(ClientConnection connection) {
        if (connections.remove(connection.clientId()) != null) {
            count.decrementAndGet();
        }
    }

    int size() {
        return count.get();
    }

    Collection<ClientConnection> all() {
        return Collections.unmodifiableCollection(connections.values());
    }
}
