package io.hermod.core.server;

import io.hermod.core.transport.RawWebSocketClient;
import io.hermod.core.transport.RawWebSocketClient.Frame;
import io.hermod.core.transport.TestCertificates;
import io.hermod.core.transport.TlsSettings;
import io.hermod.core.transport.WebSocketSettings;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Options;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NATS protocol in WebSocket frames on the websocket listener, next to plain TCP clients. */
class WebSocketClientConnectionTest {
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;

    private static RunningServer start(UnaryOperator<WebSocketSettings> customize) throws InterruptedException {
        WebSocketSettings ws = customize.apply(WebSocketSettings.plain("127.0.0.1", 0));
        return RunningServer.start(b -> b.websocket(ws));
    }

    private static Connection connect(String url, UnaryOperator<Options.Builder> customize) throws Exception {
        return RunningServer.connect(url, customize);
    }

    private static void assertDelivered(Connection from, Connection to, String subject) throws Exception {
        Subscription sub = to.subscribe(subject);
        to.flush(Duration.ofSeconds(5));
        from.publish(subject, subject.getBytes(StandardCharsets.UTF_8));
        from.flush(Duration.ofSeconds(5));
        Message msg = sub.nextMessage(Duration.ofSeconds(5));
        assertNotNull(msg, "nothing delivered on " + subject);
        assertEquals(subject, new String(msg.getData(), StandardCharsets.UTF_8));
    }

    @Test
    void websocketAndTcpClientsExchangeMessagesBothWays() throws Exception {
        try (RunningServer server = start(ws -> ws);
             Connection ws = connect("ws://127.0.0.1:" + server.server().websocketPort(), o -> o);
             Connection tcp = server.connect()) {
            assertDelivered(ws, tcp, "from.websocket");
            assertDelivered(tcp, ws, "from.tcp");
        }
    }

    @Test
    void secureWebsocketCarriesMessagesWithTheListenersOwnTls() throws Exception {
        TestCertificates certs = TestCertificates.get();
        TlsSettings tls = TlsSettings.load(certs.serverCert(), certs.serverKey(), null, false,
                TlsSettings.DEFAULT_TIMEOUT);
        try (RunningServer server = start(ws -> new WebSocketSettings(ws.host(), 0, false, tls, false, false,
                List.of()));
             Connection wss = connect("wss://127.0.0.1:" + server.server().websocketPort(),
                     o -> o.sslContext(certs.clientContext()));
             Connection tcp = server.connect()) {
            assertDelivered(wss, tcp, "from.wss");
            assertDelivered(tcp, wss, "to.wss");
        }
    }

    @Test
    void plaintextHttpRequestToSecureWebsocketGetsGoHttpsAnswer() throws Exception {
        TestCertificates certs = TestCertificates.get();
        TlsSettings tls = TlsSettings.load(certs.serverCert(), certs.serverKey(), null, false,
                TlsSettings.DEFAULT_TIMEOUT);
        try (RunningServer server = start(ws -> new WebSocketSettings(ws.host(), 0, false, tls, false, false,
                List.of()));
             RawWebSocketClient client = RawWebSocketClient.connect(server.server().websocketPort())) {
            assertEquals("HTTP/1.0 400 Bad Request\r\n\r\n", client.upgrade("/", Map.of()));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void infoArrivesInOneBinaryFrameOnAnyPathAndMatchesTcpInfo() throws Exception {
        try (RunningServer server = start(ws -> ws);
             RawWebSocketClient client = RawWebSocketClient.connect(server.server().websocketPort())) {
            String head = client.upgrade("/any/path", Map.of());
            // nats-server's exact response head, but for the accept key.
            assertTrue(head.matches("HTTP/1\\.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: [A-Za-z0-9+/=]{28}\r\n\r\n"), head);
            Frame info = client.readFrame();
            assertEquals(BINARY, info.opcode());
            assertTrue(info.fin());
            assertTrue(info.text().startsWith("INFO {\"server_id\":"), info.text());
            assertTrue(info.text().endsWith("} \r\n"), info.text());
            // The websocket INFO is the client INFO: host and port of the main listener.
            assertTrue(info.text().contains("\"port\":" + server.port() + ","), info.text());
        }
    }

    @Test
    void protocolErrorSendsErrThenCloseFrameWithProtocolViolation() throws Exception {
        try (RunningServer server = start(ws -> ws);
             RawWebSocketClient client = RawWebSocketClient.connect(server.server().websocketPort())) {
            client.upgrade("/", Map.of());
            client.readFrame();
            client.sendBinary("CONNECT {\"verbose\":false}\r\nFOO\r\n");
            assertEquals("-ERR 'Unknown Protocol Operation'\r\n", client.readFrame().text());
            Frame close = client.readFrame();
            assertEquals(CLOSE, close.opcode());
            assertEquals(1002, close.closeStatus());
            assertEquals("Protocol Violation", close.closeReason());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void clientCloseFrameIsEchoedAndTheConnectionClosed() throws Exception {
        try (RunningServer server = start(ws -> ws);
             RawWebSocketClient client = RawWebSocketClient.connect(server.server().websocketPort())) {
            client.upgrade("/", Map.of());
            client.readFrame();
            client.sendFrame(CLOSE, new byte[]{0x03, (byte) 0xe8});
            Frame close = client.readFrame();
            assertEquals(CLOSE, close.opcode());
            assertEquals(1000, close.closeStatus());
            assertEquals("", close.closeReason());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void shutdownDrainsWebsocketClientsWithGoingAwayAndClosesPendingUpgrades() throws Exception {
        RunningServer server = start(ws -> ws);
        int port = server.server().websocketPort();
        try (RawWebSocketClient client = RawWebSocketClient.connect(port);
             Socket pendingUpgrade = new Socket("127.0.0.1", port)) {
            client.upgrade("/", Map.of());
            client.readFrame();
            client.sendBinary("CONNECT {\"verbose\":false}\r\nSUB q 1\r\nPING\r\n");
            assertEquals("PONG\r\n", client.readFrame().text());
            // The shutdown must meet the pending upgrade as an accepted connection, not one still in the backlog.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.server().websocketChannelCount() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(2, server.server().websocketChannelCount(), "both websocket connections accepted");
            server.close();
            Frame close = client.readFrame();
            assertEquals(CLOSE, close.opcode());
            assertEquals(1001, close.closeStatus());
            assertEquals("Server Shutdown", close.closeReason());
            assertTrue(client.closedByServer());
            pendingUpgrade.setSoTimeout(5000);
            assertEquals(-1, pendingUpgrade.getInputStream().read());
        } finally {
            server.close();
        }
    }

    @Test
    void compressionNegotiatesPerMessageDeflateWithoutContextTakeover() throws Exception {
        try (RunningServer server = start(ws -> new WebSocketSettings(ws.host(), 0, true, null, true, false,
                List.of()));
             RawWebSocketClient client = RawWebSocketClient.connect(server.server().websocketPort())) {
            String head = client.upgrade("/", Map.of("Sec-WebSocket-Extensions",
                    "permessage-deflate; client_max_window_bits"));
            String extensions = head.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-extensions:"))
                    .findFirst().orElseThrow(() -> new AssertionError(head));
            assertTrue(extensions.contains("permessage-deflate"), extensions);
            assertTrue(extensions.contains("server_no_context_takeover"), extensions);
            assertTrue(extensions.contains("client_no_context_takeover"), extensions);
            Frame info = client.readFrame();
            assertTrue(info.rsv1(), "INFO frame not compressed");
            assertTrue(inflate(info.payload()).startsWith("INFO {\"server_id\":"));
            client.sendBinary("CONNECT {\"verbose\":false}\r\nPING\r\n");
            Frame pong = client.readFrame();
            assertFalse(pong.rsv1(), "a frame of 64 bytes or less is not worth compressing");
            assertEquals("PONG\r\n", pong.text());
            client.sendCompressed("SUB big 1\r\nPUB big 100\r\n" + "x".repeat(100) + "\r\n");
            Frame msg = client.readFrame();
            assertTrue(msg.rsv1(), "a large frame is compressed");
            assertEquals("MSG big 1 100\r\n" + "x".repeat(100) + "\r\n", inflate(msg.payload()));
        }
    }

    @Test
    void withoutCompressionTheExtensionIsNotNegotiated() throws Exception {
        try (RunningServer server = start(ws -> ws);
             RawWebSocketClient client = RawWebSocketClient.connect(server.server().websocketPort())) {
            String head = client.upgrade("/", Map.of("Sec-WebSocket-Extensions", "permessage-deflate"));
            assertFalse(head.toLowerCase().contains("permessage-deflate"), head);
            assertFalse(client.readFrame().rsv1());
        }
    }

    @Test
    void requestWithoutUpgradeGetsGoStyleBadRequest() throws Exception {
        try (RunningServer server = start(ws -> ws);
             Socket socket = new Socket("127.0.0.1", server.server().websocketPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.matches("HTTP/1\\.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Sec-Websocket-Version: 13\r\nX-Content-Type-Options: nosniff\r\nDate: [^\r]+\r\n"
                    + "Content-Length: 12\r\n\r\nBad Request\n"), response);
        }
    }

    @Test
    void originOutsideTheAllowedListIsForbidden() throws Exception {
        try (RunningServer server = start(ws -> new WebSocketSettings(ws.host(), 0, true, null, false, false,
                List.of("https://app.example.com")))) {
            int port = server.server().websocketPort();
            try (RawWebSocketClient client = RawWebSocketClient.connect(port)) {
                String head = client.upgrade("/", Map.of("Origin", "http://evil.example.com"));
                assertTrue(head.startsWith("HTTP/1.1 403 Forbidden\r\n"), head);
            }
            try (RawWebSocketClient client = RawWebSocketClient.connect(port)) {
                String head = client.upgrade("/", Map.of("Origin", "https://app.example.com"));
                assertTrue(head.startsWith("HTTP/1.1 101 "), head);
            }
        }
    }

    @Test
    void sameOriginRefusesAnOriginThatIsNotTheHost() throws Exception {
        try (RunningServer server = start(ws -> new WebSocketSettings(ws.host(), 0, true, null, false, true,
                List.of()))) {
            int port = server.server().websocketPort();
            try (RawWebSocketClient client = RawWebSocketClient.connect(port)) {
                String head = client.upgrade("/", Map.of("Origin", "http://other.example.com"));
                assertTrue(head.startsWith("HTTP/1.1 403 Forbidden\r\n"), head);
            }
            try (RawWebSocketClient client = RawWebSocketClient.connect(port)) {
                String head = client.upgrade("/", Map.of("Origin", "http://127.0.0.1:" + port));
                assertTrue(head.startsWith("HTTP/1.1 101 "), head);
            }
        }
    }

    private static String inflate(byte[] compressed) throws Exception {
        Inflater inflater = new Inflater(true);
        byte[] input = new byte[compressed.length + 4];
        System.arraycopy(compressed, 0, input, 0, compressed.length);
        input[compressed.length + 2] = (byte) 0xff;
        input[compressed.length + 3] = (byte) 0xff;
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!inflater.needsInput()) {
            int n = inflater.inflate(buf);
            if (n == 0) {
                break;
            }
            out.write(buf, 0, n);
        }
        inflater.end();
        return out.toString(StandardCharsets.UTF_8);
    }
}
