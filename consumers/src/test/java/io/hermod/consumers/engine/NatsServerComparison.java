package io.hermod.consumers.engine;

import io.hermod.store.api.NatsJetStreamServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs one scenario against nats-server 2.9.10 and then against Hermod, and checks that both transcripts are the same
 * step by step: the first differing step fails with its index, then a difference in length. Skipped when nats-server
 * is not installed (failed under CI), as {@link NatsJetStreamServer#start()} decides.
 */
final class NatsServerComparison {
    /** A scenario run through a connection to one server, as the lines to compare. */
    interface Scenario {
        List<String> transcript(Connection nc) throws Exception;
    }

    private NatsServerComparison() {
    }

    static void assertSameTranscript(Path store, Scenario scenario) throws Exception {
        List<String> expected;
        try (NatsJetStreamServer nats = NatsJetStreamServer.start()) {
            expected = run(scenario, nats.url());
        }
        List<String> actual;
        try (ConsumerTestServer hermod = ConsumerTestServer.start(store)) {
            actual = run(scenario, hermod.url());
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "step " + i);
        }
        assertEquals(expected.size(), actual.size());
    }

    /** Without reconnects: a server that drops the connection fails the scenario, it is not reconnected to midway. */
    private static List<String> run(Scenario scenario, String url) throws Exception {
        try (Connection nc = Nats.connect(new Options.Builder().server(url).noReconnect().build())) {
            return scenario.transcript(nc);
        }
    }
}
