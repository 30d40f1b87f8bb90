package io.hermod.core.monitor;

import java.util.List;

/** Supplies {@code /jsz} while JetStream runs. Called on the monitor's event loop: answer from memory, quickly. */
@FunctionalInterface
public interface JetStreamReporter {
    JetStreamReport report();

    /**
     * Each stream's detail for {@code /jsz?streams=true}, in name order: nats-server's {@code StreamDetail} as a JSON
     * object (name, created, cluster, config when {@code config}, state, and {@code consumer_detail} when
     * {@code consumers}). Core knows nothing of streams, so JetStream writes them.
     */
    default List<String> streamDetails(boolean consumers, boolean config) {
        return List.of();
    }
}
