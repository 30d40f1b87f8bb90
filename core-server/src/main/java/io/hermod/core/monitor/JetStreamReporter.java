package io.hermod.core.monitor;

/** Supplies {@code /jsz} while JetStream runs. Called on the monitor's event loop: answer from memory, quickly. */
@FunctionalInterface
public interface JetStreamReporter {
    JetStreamReport report();
}
