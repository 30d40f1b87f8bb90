package io.hermod.cli.jetstream;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a stream's messages in order without creating a consumer: each step asks for the first message at or after a
 * sequence on a subject filter ({@code next_by_subj}), which skips deleted messages. Leaves no state on the server.
 */
final class MessageCursor {
    /** NATS's err_code for "no message found". */
    private static final int NO_MESSAGE_FOUND = 10037;
    private static final int STREAM_NOT_FOUND = 10059;

    private final JetStreamManagement jsm;
    private final String stream;
    private final String filter;

    MessageCursor(JetStreamManagement jsm, String stream, String filter) {
        this.jsm = jsm;
        this.stream = stream;
        this.filter = filter;
    }

    /** The first message at or after {@code seq}, if any. */
    Optional<MessageInfo> atOrAfter(long seq) throws IOException, JetStreamApiException {
        try {
            return Optional.of(jsm.getNextMessage(stream, Math.max(seq, 1), filter));
        } catch (JetStreamApiException e) {
            // A direct get answers a bare 404 status, which jnats reports without NATS's err_code.
            if (e.getApiErrorCode() == NO_MESSAGE_FOUND
                    || e.getErrorCode() == 404 && e.getApiErrorCode() != STREAM_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The first sequence whose message was stored at or after {@code since}: a binary search over
     * {@code [first, last]}, since a stream's timestamps grow with its sequences, so it costs a few dozen requests
     * at most whatever the stream's size.
     */
    long firstSequenceSince(Instant since, long first, long last) throws IOException, JetStreamApiException {
        long lo = Math.max(first, 1);
        long hi = last + 1;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Optional<MessageInfo> m = atOrAfter(mid);
            if (m.isEmpty()) {
                hi = mid;
            } else if (!m.get().getTime().toInstant().isBefore(since)) {
                hi = mid;
            } else {
                lo = m.get().getSeq() + 1;
            }
        }
        return lo;
    }
}
