package io.hermod.store.engine;

import io.hermod.core.routing.Subscription;
import io.hermod.store.StreamStore;
import io.hermod.store.api.StreamConfig;

import java.time.Instant;
import java.util.Map;

/**
 * One open stream: its NATS configuration, creation time, store, the in-process subscriptions that feed it and its
 * publish path. The configuration and store are replaced together by an update ({@link #replace}), only while the
 * publish path holds new writes back. Thread-safe.
 */
final class Stream {
    private final String name;
    private final Instant created;
    private final StreamPublisher publisher;
    private volatile State state;
    private volatile Map<String, Subscription> subscriptions = Map.of();

    private record State(StreamConfig config, StreamStore store) {
    }

    Stream(StreamConfig config, Instant created, StreamStore store, PublishContext context) {
        this.name = config.name();
        this.created = created;
        this.state = new State(config, store);
        this.publisher = new StreamPublisher(this, context);
    }

    String name() {
        return name;
    }

    Instant created() {
        return created;
    }

    StreamConfig config() {
        return state.config();
    }

    StreamStore store() {
        return state.store();
    }

    StreamPublisher publisher() {
        return publisher;
    }

    void replace(StreamConfig config, StreamStore store) {
        state = new State(config, store);
    }

    /** Subject filter → its subscription. */
    Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    void subscriptions(Map<String, Subscription> value) {
        subscriptions = Map.copyOf(value);
    }
}
