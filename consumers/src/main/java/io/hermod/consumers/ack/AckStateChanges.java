package io.hermod.consumers.ack;

import java.util.List;

/**
 * What changed in an {@link AckState} since the last {@link AckState#drainChanges}: the current delivered and ack
 * floor, the tracked messages written or rewritten, and the stream sequences no longer tracked. Applied as one
 * atomic write by a {@link io.hermod.consumers.state.ConsumerStateStore}.
 */
public record AckStateChanges(SequencePair delivered, SequencePair ackFloor, List<TrackedMessage> upserts,
                              List<Long> removals) {

    public AckStateChanges {
        upserts = List.copyOf(upserts);
        removals = List.copyOf(removals);
    }

    public boolean touchesMessages() {
        return !upserts.isEmpty() || !removals.isEmpty();
    }
}
