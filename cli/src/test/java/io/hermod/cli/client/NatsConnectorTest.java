package io.hermod.cli.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NatsConnectorTest {
    private static ConnectionSettings to(String url) {
        return new ConnectionSettings(url, null, null, null, null, null, null, null, Duration.ofSeconds(2));
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableServerIsAConnectionFailure() throws Exception {
        String url = "nats://127.0.0.1:" + closedPort();
        CommandFailure failure = assertThrows(CommandFailure.class, () -> NatsConnector.connect(to(url)));
        assertEquals(ExitCodes.CONNECTION, failure.exitCode());
        assertTrue(failure.getMessage().startsWith("cannot connect to " + url), failure.getMessage());
    }

    @Test
    void aMissingNkeyFileOrACertificateWithoutKeyIsAUsageError(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        ConnectionSettings nkey = new ConnectionSettings("nats://127.0.0.1:1", null, null, null,
                dir.resolve("missing.nk"), null, null, null, Duration.ofSeconds(1));
        assertEquals(ExitCodes.USAGE, assertThrows(CommandFailure.class, () -> NatsConnector.connect(nkey)).exitCode());

        Path notASeed = Files.writeString(dir.resolve("bad.nk"), "hello\n");
        ConnectionSettings bad = new ConnectionSettings("nats://127.0.0.1:1", null, null, null, notASeed, null, null,
                null, Duration.ofSeconds(1));
        CommandFailure badSeed = assertThrows(CommandFailure.class, () -> NatsConnector.connect(bad));
        assertTrue(badSeed.getMessage().contains("no user seed"), badSeed.getMessage());

        ConnectionSettings certOnly = new ConnectionSettings("nats://127.0.0.1:1", null, null, null, null,
                dir.resolve("c.pem"), null, null, Duration.ofSeconds(1));
        CommandFailure tls = assertThrows(CommandFailure.class, () -> NatsConnector.connect(certOnly));
        assertEquals(ExitCodes.USAGE, tls.exitCode());
        assertEquals("--tlscert and --tlskey go together", tls.getMessage());
    }
}
