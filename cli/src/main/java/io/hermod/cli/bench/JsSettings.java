package io.hermod.cli.bench;

/**
 * What a JetStream run adds to {@link BenchSettings}.
 *
 * @param async publish with {@code publishAsync}, at most {@code inflight} acks outstanding per publisher;
 *        otherwise one synchronous publish at a time, timed
 * @param keepStream leave the stream and its messages in place after the run (to measure a restart on them)
 */
record JsSettings(String stream, JsStorage storage, boolean async, int inflight, boolean keepStream) {
}
