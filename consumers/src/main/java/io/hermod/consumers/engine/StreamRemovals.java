package io.hermod.consumers.engine;

import io.hermod.consumers.ack.TrackedMessage;
import io.hermod.store.PurgeRequest;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStore;
import io.hermod.store.api.SubjectOverlap;

import java.util.List;
import java.util.Optional;

/**
 * What a purge or a message delete through the API does to a stream's consumers, as nats-server 2.9.10 does it.
 *
 * <p>Purge ({@code stream.purge}): the consumers it concerns (all for a whole-stream purge; otherwise the
 * unfiltered ones and those whose filter equals or lies within the purge's subject) skip to the first sequence that
 * may still hold a message for them: the stream's first sequence, or with a subject the first message left on it,
 * the end of the stream when none is left. Their ack floor follows; pending messages below it are dropped
 * ({@link io.hermod.consumers.ack.AckState#purge}).
 *
 * <p>Delete, and removal by the stream's limits ({@code decStreamPending}): a consumer that had the message
 * pending treats it as {@code +TERM}, with the advisory. Runs on the consumers' worker thread.
 */
final class StreamRemovals {
    private final RetentionTracker retention;
    private final ConsumerAdvisories advisories;

    StreamRemovals(RetentionTracker retention, ConsumerAdvisories advisories) {
        this.retention = retention;
        this.advisories = advisories;
    }

    void purged(StreamStore store, PurgeRequest request, List<Consumer> consumers) {
        StreamState state = store.state();
        String subject = request.subjectFilter() == null ? "" : request.subjectFilter();
        boolean whole = subject.isEmpty() && request.upToSeq() == 0 && request.keep() < 0;
        long first = state.firstSeq();
        if (!subject.isEmpty()) {
            first = store.next(first, subject).map(StoredMessage::seq).orElse(state.lastSeq() + 1);
        }
        for (Consumer consumer : consumers) {
            String filter = consumer.config().filterSubject();
            boolean concerned = whole || filter.isEmpty() || filter.equals(subject)
                    || !subject.isEmpty() && SubjectOverlap.isSubsetMatch(filter, subject);
            if (concerned) {
                consumer.core().purged(first);
                retention.follow(consumer.core());
                consumer.onStored(); // pending messages dropped may free max_ack_pending: deliver what now can go
            }
        }
    }

    void messageDeleted(long seq, List<Consumer> consumers) {
        for (Consumer consumer : consumers) {
            Optional<TrackedMessage> pending = consumer.core().messageDeleted(seq);
            if (pending.isPresent()) {
                advisories.terminated(consumer.core(), seq, pending.get().consumerSeq(), pending.get().deliveries());
                consumer.onStored(); // one fewer pending: max_ack_pending may let the next message go
            }
        }
    }
}
