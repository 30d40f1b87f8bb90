package io.hermod.consumers.engine;

import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStore;

import java.util.Optional;
import java.util.TreeSet;

/**
 * Where a new consumer starts, after nats-server 2.9.10's {@code selectStartingSeqNo}: the first stream sequence it
 * will deliver, and for {@code last_per_subject} the sequences of the last message of each matching subject, which
 * it delivers before going on with new messages.
 */
record StartSequence(long seq, TreeSet<Long> lastPerSubject) {

    static StartSequence of(ConsumerConfig config, StreamStore store) {
        StreamState state = store.state();
        long first = Math.max(state.firstSeq(), 1);
        long next = state.lastSeq() + 1;
        String filter = config.filterSubject().isEmpty() ? null : config.filterSubject();
        return switch (config.deliverPolicy()) {
            case ALL -> new StartSequence(state.messages() == 0 ? next : first, new TreeSet<>());
            case NEW -> new StartSequence(next, new TreeSet<>());
            case LAST -> new StartSequence(last(store, filter, state).orElse(next), new TreeSet<>());
            case BY_START_SEQUENCE -> new StartSequence(
                    Math.min(Math.max(config.optStartSeq(), first), next), new TreeSet<>());
            case BY_START_TIME -> new StartSequence(
                    store.seqForTime(config.optStartTime()).orElse(next), new TreeSet<>());
            case LAST_PER_SUBJECT -> {
                TreeSet<Long> lasts = new TreeSet<>();
                for (String subject : store.subjectCounts(filter).keySet()) {
                    store.lastBySubject(subject).ifPresent(m -> lasts.add(m.seq()));
                }
                yield new StartSequence(lasts.isEmpty() ? next : lasts.first(), lasts);
            }
        };
    }

    private static Optional<Long> last(StreamStore store, String filter, StreamState state) {
        if (filter == null) {
            return state.lastSeq() > 0 ? Optional.of(state.lastSeq()) : Optional.empty();
        }
        long best = 0;
        for (String subject : store.subjectCounts(filter).keySet()) {
            best = Math.max(best, store.lastBySubject(subject).map(StoredMessage::seq).orElse(0L));
        }
        return best > 0 ? Optional.of(best) : Optional.empty();
    }
}
