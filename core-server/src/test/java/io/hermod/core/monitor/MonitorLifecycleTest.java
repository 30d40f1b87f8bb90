package io.hermod.core.monitor;

import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitorLifecycleTest {
    @Test
    void offUnlessAnHttpPortIsGiven() throws Exception {
        HermodServer server = new HermodServer(ServerOptions.builder().host("127.0.0.1").port(0).build()).start();
        try {
            assertEquals(0, server.httpPort());
        } finally {
            server.close();
        }
    }

    @Test
    void listensOnTheConfiguredHostAndStopsWithTheServer() throws Exception {
        MonitoredServer server = MonitoredServer.start(b -> b.host("0.0.0.0").httpHost("127.0.0.1"));
        int httpPort = server.server().httpPort();
        assertTrue(httpPort > 0);
        assertEquals("127.0.0.1", server.json("/varz").get("http_host").asText());
        assertEquals("0.0.0.0", server.json("/varz").get("host").asText());
        server.close();
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", httpPort), 2000);
            }
        });
    }
}
