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

    /** {@code -NAK}; {@code delayNanos} 0 redelivers at once. */
    record Nak(long delayNanos) implements AckMessage {
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
            return new Nak(nakDelay(text.substring(4).trim()));
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
            return state.nak(streamSeq, nak.delayNanos());
        }
        if (message instanceof Progress) {
            return state.progress(streamSeq);
        }
        if (message instanceof Term) {
            return state.term(streamSeq, reply.consumerSeq());
        }
        return false;
    }

    private static long nakDelay(String argument) {
        if (argument.isEmpty()) {
            return 0;
        }
        if (argument.charAt(0) == '{') {
            try {
                JsonNode delay = GoJson.mapper().readTree(argument).path("delay");
                return delay.canConvertToLong() ? delay.asLong() : 0;
            } catch (IOException e) {
                return 0;
            }
        }
        OptionalLong parsed = GoDuration.parse(argument);
        return parsed.orElse(0);
    }
}
