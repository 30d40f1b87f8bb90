package io.hermod.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message as the stream stored it.
 *
 * @param headers the NATS header block, empty when the message had none
 * @param timestampNanos nanoseconds since the epoch at which the store accepted the message
 */
public record StoredMessage(long seq, String subject, byte[] headers, byte[] payload, long timestampNanos) {

    public StoredMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(payload, "payload");
    }

    public Instant timestamp() {
        return Instant.ofEpochSecond(0, timestampNanos);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredMessage m && seq == m.seq && timestampNanos == m.timestampNanos
                && subject.equals(m.subject) && Arrays.equals(headers, m.headers) && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, subject, timestampNanos, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "StoredMessage[seq=" + seq + ", subject=" + subject + ", headers=" + headers.length
                + " B, payload=" + payload.length + " B, ts=" + timestamp() + "]";
    }
}
