package io.hermod.consumers.engine;

import io.hermod.store.api.NatsJetStreamServer;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs one scenario against nats-server 2.9.10 and then against Hermod, and checks that both transcripts are the same
 * step by step: the first differing step fails with its index, then a difference in length. Skipped when nats-server
 * is not installed (failed under CI), as {@link NatsJetStreamServer#start()} decides.
 */
final class NatsServerComparison {
    /** A scenario run through a client of the server at {@code url}, as the lines to compare. */
    interface Scenario {
        List<String> transcript(String url) throws Exception;
    }

    private NatsServerComparison() {
    }

    static void assertSameTranscript(Path store, Scenario scenario) throws Exception {
        List<String> expected;
        try (NatsJetStreamServer nats = NatsJetStreamServer.start()) {
            expected = scenario.transcript(nats.url());
        }
        List<String> actual;
        try (ConsumerTestServer hermod = ConsumerTestServer.start(store)) {
            actual = scenario.transcript(hermod.url());
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "step " + i);
        }
        assertEquals(expected.size(), actual.size());
    }
}
