package io.hermod.consumers.ack;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermod.store.api.GoJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * The body of a message published to an ack subject (ADR-15), as nats-server 2.9.10's {@code processAck} reads it:
 * empty, {@code +ACK} or {@code +OK} acknowledge; {@code +NXT} acknowledges and asks for more (pull); {@code -NAK}
 * asks for redelivery, after a delay when followed by a Go duration ({@code -NAK 5s}) or JSON
 * ({@code -NAK {"delay":5000000000}}), an unreadable delay counting as none; {@code +WPI} reports progress;
 * {@code +TERM} (with an optional reason) stops redelivery. Anything else is ignored.
 */
public sealed interface AckMessage {

    /** {@code +ACK}, {@code +OK} or empty. */
    record Ack() implements AckMessage {
    }

    /** {@code +NXT}: acknowledge, then treat {@code request} as a pull request. */
    record AckNext(String request) implements AckMessage {
    }

    /**
     * {@code -NAK}: redelivered at once when {@code delayed} is false (nothing readable after {@code -NAK}),
     * otherwise after {@code delayNanos} as {@link AckState#nakDelayed} says.
     */
    record Nak(long delayNanos, boolean delayed) implements AckMessage {
        public Nak(long delayNanos) {
            this(delayNanos, delayNanos > 0);
        }
    }

    /** {@code +WPI}. */
    record Progress() implements AckMessage {
    }

    /** {@code +TERM}. */
    record Term(String reason) implements AckMessage {
    }

    /** A body nats ignores. */
    record Unknown() implements AckMessage {
    }

    static AckMessage parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty() || text.equals("+ACK") || text.equals("+OK")) {
            return new Ack();
        }
        if (text.startsWith("+NXT")) {
            return new AckNext(text.substring(4).trim());
        }
        if (text.startsWith("-NAK")) {
            OptionalLong delay = nakDelay(text.substring(4).trim());
            return delay.isPresent() ? new Nak(delay.getAsLong(), true) : new Nak(0, false);
        }
        if (text.equals("+WPI")) {
            return new Progress();
        }
        if (text.startsWith("+TERM")) {
            return new Term(text.substring(5).trim());
        }
        return new Unknown();
    }

    /**
     * Applies the message, received on the ack subject {@code reply}, to the consumer's state; {@code +NXT}'s pull
     * request is left to the caller. Returns whether the state took it (the message was pending).
     */
    static boolean applyTo(AckMessage message, AckState state, AckReplySubject reply) {
        long streamSeq = reply.streamSeq();
        if (message instanceof Ack || message instanceof AckNext) {
            return state.ack(streamSeq, reply.consumerSeq());
        }
        if (message instanceof Nak nak) {
            return nak.delayed() ? state.nakDelayed(streamSeq, nak.delayNanos()) : state.nak(streamSeq, 0);
        }
        if (message instanceof Progress) {
            return state.progress(streamSeq);
        }
        if (message instanceof Term) {
            return state.term(streamSeq, reply.consumerSeq());
        }
        return false;
    }

    /**
     * The delay after {@code -NAK}, as nats-server 2.9.10's {@code processNak} reads it: JSON ({@code delay}, 0 when
     * absent, as Go's unmarshal leaves it) or a Go duration; empty when there is none or it does not parse, which
     * makes it a plain NAK.
     */
    private static OptionalLong nakDelay(String argument) {
        if (argument.isEmpty()) {
            return OptionalLong.empty();
        }
        if (argument.charAt(0) == '{') {
            try {
                JsonNode json = GoJson.mapper().readTree(argument);
                if (json == null || !json.isObject()) {
                    return OptionalLong.empty();
                }
                JsonNode delay = json.path("delay");
                if (delay.isMissingNode() || delay.isNull()) {
                    return OptionalLong.of(0);
                }
                return delay.isIntegralNumber() && delay.canConvertToLong() ? OptionalLong.of(delay.asLong())
                        : OptionalLong.empty();
            } catch (IOException e) {
                return OptionalLong.empty();
            }
        }
        return GoDuration.parse(argument);
    }
}
