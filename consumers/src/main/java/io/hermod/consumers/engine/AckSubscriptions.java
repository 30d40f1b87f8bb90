package io.hermod.consumers.engine;

import io.hermod.consumers.state.ConsumerId;
import io.hermod.core.client.InProcessConnection;
import io.hermod.core.client.MessageHandler;
import io.hermod.core.routing.Subscription;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each consumer's subscription to its ack subjects, {@code $JS.ACK.<stream>.<consumer>.*.*.*.*.*}, as nats-server
 * subscribes them: an ack for a consumer that does not exist, or on a subject of another shape, finds no
 * subscriber, so a client that asked for no-responders (jnats' {@code ackSync}) hears 503 at once instead of
 * waiting for a reply that never comes.
 */
final class AckSubscriptions {
    private final InProcessConnection connection;
    private final MessageHandler handler;
    private final Map<ConsumerId, Subscription> byConsumer = new ConcurrentHashMap<>();

    AckSubscriptions(InProcessConnection connection, MessageHandler handler) {
        this.connection = connection;
        this.handler = handler;
    }

    void add(ConsumerId id) {
        byConsumer.computeIfAbsent(id, c -> connection.subscribe(
                "$JS.ACK." + c.stream() + "." + c.name() + ".*.*.*.*.*", null, handler));
    }

    void remove(ConsumerId id) {
        Subscription subscription = byConsumer.remove(id);
        if (subscription != null) {
            connection.unsubscribe(subscription);
        }
    }
}
