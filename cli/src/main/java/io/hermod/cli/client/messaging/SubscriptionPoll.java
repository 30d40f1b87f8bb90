package io.hermod.cli.client.messaging;

import io.hermod.cli.client.CommandFailure;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the next message of a long-running subscription ({@code sub}, {@code reply}) in short polls, so that a
 * closed connection ends the command as a connection failure instead of blocking forever.
 */
final class SubscriptionPoll {
    private static final Duration POLL = Duration.ofMillis(250);

    private SubscriptionPoll() {
    }

    /**
     * Subscribes ({@code queue} may be null) and waits until the server confirms, so that the line announcing the
     * subscription is printed only once messages can arrive.
     */
    static Subscription open(Connection nc, String subject, String queue, Duration timeout)
            throws InterruptedException {
        Subscription sub = queue == null ? nc.subscribe(subject) : nc.subscribe(subject, queue);
        try {
            nc.flush(timeout);
        } catch (TimeoutException e) {
            throw CommandFailure.failed("the server did not confirm the subscription within " + timeout);
        }
        return sub;
    }

    /** Handles one message of the subscription, numbered from 1. */
    @FunctionalInterface
    interface Handler {
        /** @return whether the message counts towards the command's {@code --count} */
        boolean handle(Message message, long number) throws Exception;
    }

    /** Hands each message to {@code handler} until {@code count} of them counted (0: until the connection ends). */
    static void forEach(Connection nc, Subscription sub, long count, Handler handler) throws Exception {
        for (long counted = 0; count == 0 || counted < count; ) {
            Message message = next(nc, sub);
            if (message != null && handler.handle(message, counted + 1)) {
                counted++;
            }
        }
    }

    /** @return the next message, or null when none arrived within one poll */
    static Message next(Connection nc, Subscription sub) throws InterruptedException {
        Message message;
        try {
            message = sub.nextMessage(POLL);
        } catch (IllegalStateException e) {
            // jnats: "This subscription became inactive." once the connection closed.
            throw lost(e);
        }
        if (message == null && (nc.getStatus() == Connection.Status.CLOSED || !sub.isActive())) {
            throw lost(null);
        }
        return message;
    }

    private static CommandFailure lost(Throwable cause) {
        return CommandFailure.connection("the connection to the server was lost", cause);
    }
}
