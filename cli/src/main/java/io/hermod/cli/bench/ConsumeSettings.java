package io.hermod.cli.bench;

/**
 * What a consumer run ({@code --js-pull} or {@code --js-push}) adds to {@link BenchSettings}: the stream it fills
 * first and the durable consumer with explicit acks that drains it.
 *
 * @param push a push consumer delivering to an inbox; otherwise a pull consumer fetched in batches of {@code batch}
 * @param fillInflight unacknowledged publishes allowed while the stream is filled
 * @param maxAckPending the consumer's {@code max_ack_pending}
 * @param keepStream leave the stream (and its consumer) in place after the run
 */
record ConsumeSettings(String stream, JsStorage storage, boolean push, int batch, int fillInflight, int maxAckPending,
                       boolean keepStream) {

    String mode() {
        return push ? "js-push" : "js-pull";
    }

    String consumerName() {
        return push ? "HERMOD_BENCH_PUSH" : "HERMOD_BENCH_PULL";
    }
}
