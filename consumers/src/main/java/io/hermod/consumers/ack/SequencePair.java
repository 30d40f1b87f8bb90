package io.hermod.consumers.ack;

/** A consumer sequence with the stream sequence it stands for, as in nats's {@code SequenceInfo}. */
public record SequencePair(long consumerSeq, long streamSeq) {
    public static final SequencePair ZERO = new SequencePair(0, 0);
}
