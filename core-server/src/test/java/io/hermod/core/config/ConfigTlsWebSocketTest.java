package io.hermod.core.config;

import io.hermod.core.server.ServerOptions;
import io.hermod.core.transport.TestCertificates;
import io.hermod.core.transport.TlsSettings;
import io.hermod.core.transport.WebSocketSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code tls} and {@code websocket} blocks, with nats-server 2.9.10's error wording where it has one. */
class ConfigTlsWebSocketTest {
    private final TestCertificates certs = TestCertificates.get();
    private final ServerOptionsLoader loader = new ServerOptionsLoader();

    private ServerOptions load(String text) {
        ServerOptions.Builder builder = ServerOptions.builder();
        List<String> warnings = loader.apply(new ConfigParser(EnvironmentVariables.of(Map.of()))
                .parseText(text, Path.of("hermod.conf")), builder);
        assertEquals(List.of(), warnings);
        return builder.build();
    }

    private String error(String text) {
        return assertThrows(ConfigException.class, () -> load(text)).getMessage();
    }

    private String tlsBlock(String extra) {
        return "tls {\n  cert_file: \"" + certs.serverCert() + "\"\n  key_file: \"" + certs.serverKey() + "\"\n"
                + extra + "}\n";
    }

    @Test
    void tlsBlockMapsFilesVerifyAndTimeout() {
        ServerOptions o = load(tlsBlock("  ca_file: \"" + certs.caFile() + "\"\n  verify: true\n  timeout: 0.5\n"));
        TlsSettings tls = o.tls();
        assertEquals(certs.serverCert(), tls.certFile());
        assertEquals(certs.serverKey(), tls.keyFile());
        assertEquals(certs.caFile(), tls.caFile());
        assertTrue(tls.verify());
        assertEquals(Duration.ofMillis(500), tls.timeout());
    }

    @Test
    void tlsTimeoutDefaultsToTwoSecondsAndAcceptsDurations() {
        assertEquals(Duration.ofSeconds(2), load(tlsBlock("")).tls().timeout());
        assertEquals(Duration.ofSeconds(3), load(tlsBlock("  timeout: \"3s\"\n")).tls().timeout());
        assertEquals(Duration.ofSeconds(5), load(tlsBlock("  timeout: 5\n")).tls().timeout());
        assertFalse(load(tlsBlock("")).tls().verify());
    }

    @Test
    void tlsWithoutCertFileOrKeyFileIsRefused() {
        assertEquals("hermod.conf:1:1: missing 'cert_file' in TLS configuration",
                error("tls { key_file: \"" + certs.serverKey() + "\" }"));
        assertEquals("hermod.conf:1:1: missing 'key_file' in TLS configuration",
                error("tls { cert_file: \"" + certs.serverCert() + "\" }"));
    }

    @Test
    void tlsFieldErrorsUseNatsServerWording() {
        assertEquals("hermod.conf:4:3: error parsing tls config, unknown field [\"foo\"]",
                error(tlsBlock("  foo: 1\n")));
        assertEquals("hermod.conf:4:3: error parsing tls config, expected 'verify' to be a boolean",
                error(tlsBlock("  verify: \"yes\"\n")));
        assertEquals("hermod.conf:4:3: error parsing tls config, 'timeout' time: invalid duration \"abc\"",
                error(tlsBlock("  timeout: \"abc\"\n")));
        assertEquals("hermod.conf:4:3: error parsing tls config, 'timeout' wrong type",
                error(tlsBlock("  timeout: true\n")));
        assertEquals("hermod.conf:1:7: error parsing tls config, expected 'cert_file' to be filename",
                error("tls { cert_file: 5, key_file: \"k.pem\" }"));
    }

    @Test
    void unreadableOrMismatchedFilesAreRefusedAtLoad() {
        assertEquals("hermod.conf:1:1: error parsing X509 certificate/key pair: open missing.pem: no such file or"
                + " directory", error("tls { cert_file: \"missing.pem\", key_file: \"" + certs.serverKey() + "\" }"));
        assertEquals("hermod.conf:1:1: error parsing X509 certificate/key pair: tls: private key does not match"
                + " public key", error("tls { cert_file: \"" + certs.serverCert() + "\", key_file: \""
                + certs.clientKey() + "\" }"));
        assertEquals("hermod.conf:1:1: open missing-ca.pem: no such file or directory",
                error(tlsBlock("  ca_file: \"missing-ca.pem\"\n")));
        assertEquals("hermod.conf:1:1: failed to parse root ca certificate",
                error(tlsBlock("  ca_file: \"" + certs.serverKey() + "\"\n")));
    }

    @Test
    void verifyAndMapImpliesVerifyWhateverTheKeyOrder() {
        TlsSettings mapped = load(tlsBlock("  ca_file: \"" + certs.caFile() + "\"\n  verify_and_map: true\n")).tls();
        assertTrue(mapped.mapCertificateToUser());
        assertTrue(mapped.verify());
        TlsSettings overridden = load(tlsBlock("  verify_and_map: true\n  verify: false\n")).tls();
        assertTrue(overridden.verify());
        assertFalse(load(tlsBlock("  verify: true\n")).tls().mapCertificateToUser());
        assertEquals("hermod.conf:4:3: error parsing tls config, expected 'verify_and_map' to be a boolean",
                error(tlsBlock("  verify_and_map: \"yes\"\n")));
    }

    @Test
    void tlsOptionsHermodDoesNotImplementAreRefused() {
        assertEquals("hermod.conf:4:3: \"pinned_certs\" is a nats-server TLS option that Hermod does not support"
                + " yet", error(tlsBlock("  pinned_certs: []\n")));
    }

    @Test
    void websocketBlockMapsItsOptions() {
        WebSocketSettings ws = load("""
                websocket {
                  host: 127.0.0.1
                  port: 8443
                  no_tls: true
                  compression: true
                  same_origin: true
                  allowed_origins: ["https://a.example.com", "http://b.example.com:8080"]
                }
                """).websocket();
        assertEquals("127.0.0.1", ws.host());
        assertEquals(8443, ws.port());
        assertTrue(ws.noTls());
        assertNull(ws.tls());
        assertTrue(ws.compression());
        assertTrue(ws.sameOrigin());
        assertEquals(List.of("https://a.example.com", "http://b.example.com:8080"), ws.allowedOrigins());
    }

    @Test
    void websocketDefaultsToAllInterfacesAndAcceptsListenAndTheWsAlias() {
        WebSocketSettings ws = load("ws { port: 8080, no_tls: true }").websocket();
        assertEquals("0.0.0.0", ws.host());
        assertFalse(ws.compression());
        WebSocketSettings listen = load("websocket { listen: \"127.0.0.2:9090\", no_tls: true }").websocket();
        assertEquals("127.0.0.2", listen.host());
        assertEquals(9090, listen.port());
        assertEquals(0, load("websocket { port: -1, no_tls: true }").websocket().port());
    }

    @Test
    void websocketWithoutPortConfiguresNoListener() {
        assertNull(load("websocket { no_tls: true }").websocket());
        assertNull(load("websocket { port: 0 }").websocket());
    }

    @Test
    void websocketWithItsOwnTlsBlock() {
        WebSocketSettings ws = load("websocket {\n  port: 8443\n  " + tlsBlock("") + "}").websocket();
        assertTrue(ws.secure());
        assertEquals(certs.serverCert(), ws.tls().certFile());
    }

    @Test
    void websocketErrorsUseNatsServerWording() {
        assertEquals("hermod.conf:1:1: websocket requires TLS configuration", error("websocket { port: 8080 }"));
        assertTrue(error("websocket { port: 8080, no_tls: true, allowed_origins: [\":bad\"] }")
                .startsWith("hermod.conf:1:1: unable to parse allowed origin: "));
        assertEquals("hermod.conf:1:39: unknown field \"foo\"", error("websocket { port: 8080, no_tls: true, foo: 1 }"));
        assertEquals("hermod.conf:1:1: Expected websocket to be a map, got integer", error("websocket: 5"));
        assertEquals("hermod.conf:1:25: missing 'key_file' in TLS configuration",
                error("websocket { port: 8080, tls { cert_file: \"" + certs.serverCert() + "\" } }"));
        assertEquals("hermod.conf:1:39: \"jwt_cookie\" is a nats-server websocket option that Hermod does not"
                + " support yet", error("websocket { port: 8080, no_tls: true, jwt_cookie: \"jwt\" }"));
    }
}
