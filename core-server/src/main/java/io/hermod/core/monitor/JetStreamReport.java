package io.hermod.core.monitor;

/**
 * JetStream's figures as {@code /jsz} shows them (nats-server's JSInfo). core-server knows nothing of streams:
 * the JetStream module hands these over through a {@link JetStreamReporter}.
 */
public record JetStreamReport(long maxMemory, long maxStorage, String storeDir, long memory, long storage,
                              long apiTotal, long apiErrors, long streams, long consumers, long messages,
                              long bytes, java.util.List<StreamFigures> streamFigures,
                              java.util.List<ConsumerFigures> consumerFigures) {

    /** One stream's state, for the per-stream metrics. */
    public record StreamFigures(String name, long messages, long bytes, long firstSeq, long lastSeq,
                                long consumers) {
    }

    /** One consumer's state, for the per-consumer metrics. */
    public record ConsumerFigures(String stream, String name, long numPending, long numAckPending,
                                  long numRedelivered, long numWaiting, long deliveredStreamSeq,
                                  long ackFloorStreamSeq) {
    }
}
