package io.hermod.cli;

import io.hermod.core.server.ServerOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCommandMonitoringTest {
    private static ServerCommand parse(String... args) {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void httpPortFlagsSetTheMonitoringPort() throws Exception {
        assertEquals(8222, parse("-m", "8222").options().httpPort());
        assertEquals(8223, parse("--http_port", "8223").options().httpPort());
        ServerOptions defaults = parse().options();
        assertEquals(0, defaults.httpPort(), "monitoring is off unless asked for");
        assertNull(defaults.httpHost(), "the monitor binds the client host unless configured");
    }

    @Test
    void httpsPortIsRefusedClearly() {
        NotAvailableYetException e = assertThrows(NotAvailableYetException.class,
                () -> parse("-ms", "8443").call());
        assertTrue(e.getMessage().startsWith("HTTPS monitoring (-ms/--https_port) is not available yet"),
                e.getMessage());
    }
}
