package io.hermod.consumers.ack;

import java.util.List;

/** An acknowledgement state as persisted: delivered, ack floor and the tracked messages in stream order. */
public record StoredAckState(SequencePair delivered, SequencePair ackFloor, List<TrackedMessage> tracked) {

    public StoredAckState {
        tracked = List.copyOf(tracked);
    }

    /**
     * The state of a consumer that will start delivering at {@code startSeq} (nats's {@code selectStartingSeqNo}):
     * delivered just before it, ack floor still at 0 until the first acknowledgement, as nats-server 2.9.10 reports
     * a new consumer whatever its deliver policy.
     */
    public static StoredAckState startingAt(long startSeq) {
        if (startSeq < 1) {
            throw new IllegalArgumentException("start sequence must be at least 1: " + startSeq);
        }
        return new StoredAckState(new SequencePair(0, startSeq - 1), SequencePair.ZERO, List.of());
    }
}
