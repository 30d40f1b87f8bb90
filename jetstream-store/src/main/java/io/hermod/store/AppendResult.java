package io.hermod.store;

/**
 * The outcome of {@link StreamStore#appendOnce}: the sequence the message is stored at, and whether it was
 * stored earlier under the same message id (then nothing new was stored), as a PubAck reports it.
 */
public record AppendResult(long seq, boolean duplicate) {
}
