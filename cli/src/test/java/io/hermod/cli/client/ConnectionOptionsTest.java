package io.hermod.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.cli.client.HermodRun.Result;
import io.hermod.cli.client.context.ContextStore;
import io.hermod.core.auth.AuthConfig;
import io.hermod.core.auth.NkeyUser;
import io.hermod.core.transport.TestCertificates;
import io.hermod.core.transport.TlsSettings;
import io.nats.client.NKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionOptionsTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConfigDirPerTest config = new ConfigDirPerTest(() -> dir.resolve("config"));

    private static ConnectionOptions parse(String... args) {
        ConnectionOptions options = new ConnectionOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    private static String connectedPort(Result info) throws Exception {
        assertEquals(ExitCodes.OK, info.exitCode(), info::toString);
        return new ObjectMapper().readTree(info.out()).get("port").asText();
    }

    @Test
    void flagsWinOverNatsUrlWhichWinsOverTheContextWhichWinsOverTheDefault() {
        ContextStore store = ContextStore.forUser();
        assertEquals(ConnectionSettings.DEFAULT_URL, parse().resolve(null, store).url());
        assertEquals(ConnectionSettings.DEFAULT_TIMEOUT, parse().resolve(null, store).timeout());

        store.save("ctx", new io.hermod.cli.client.context.ClientContext(null, "nats://ctx:1", "u", "p", null, null,
                null, null, null, "750ms"));
        store.select("ctx");
        ConnectionSettings fromContext = parse().resolve(null, store);
        assertEquals("nats://ctx:1", fromContext.url());
        assertEquals("u", fromContext.user());
        assertEquals(Duration.ofMillis(750), fromContext.timeout());
        assertEquals("nats://env:2", parse().resolve("nats://env:2", store).url());
        ConnectionSettings flags = parse("-s", "nats://flag:3", "--user", "v", "--timeout", "3s")
                .resolve("nats://env:2", store);
        assertEquals("nats://flag:3", flags.url());
        assertEquals("v", flags.user());
        assertEquals("p", flags.password());
        assertEquals(Duration.ofSeconds(3), flags.timeout());
    }

    @Test
    void anExplicitContextReplacesTheSelectedOne() {
        ContextStore store = ContextStore.forUser();
        store.save("a", new io.hermod.cli.client.context.ClientContext(null, "nats://a:1", null, null, "tok", null,
                null, null, null, null));
        store.save("b", new io.hermod.cli.client.context.ClientContext(null, "nats://b:1", null, null, null, null,
                null, null, null, null));
        store.select("a");
        ConnectionSettings b = parse("--context", "b").resolve(null, store);
        assertEquals("nats://b:1", b.url());
        assertNull(b.token());
    }

    @Test
    void theSelectedContextTakesCommandsToItsServer() throws Exception {
        try (ClientTestServer one = ClientTestServer.core(); ClientTestServer two = ClientTestServer.core()) {
            assertEquals(ExitCodes.OK, HermodRun.run("context", "add", "one", "-s", one.url(), "--select").exitCode());
            assertEquals(ExitCodes.OK, HermodRun.run("context", "add", "two", "-s", two.url()).exitCode());
            assertEquals(String.valueOf(one.server().port()), connectedPort(HermodRun.run("server", "info", "--json")));
            assertEquals(String.valueOf(two.server().port()),
                    connectedPort(HermodRun.run("server", "info", "--json", "--context", "two")));
            HermodRun.run("context", "select", "two");
            assertEquals(String.valueOf(two.server().port()), connectedPort(HermodRun.run("server", "info", "--json")));
            Result unknown = HermodRun.run("server", "info", "--context", "three");
            assertEquals(ExitCodes.NOT_FOUND, unknown.exitCode(), unknown::toString);
        }
    }

    @Test
    void userAndPasswordAreSentAndARefusalIsAConnectionFailure() throws Exception {
        try (ClientTestServer server = ClientTestServer.core(b -> b.authorization(AuthConfig.user("app", "s3cret")))) {
            Result ok = HermodRun.run("pub", "x", "y", "-s", server.url(), "--user", "app", "--password", "s3cret");
            assertEquals(ExitCodes.OK, ok.exitCode(), ok::toString);
            Result refused = HermodRun.run("pub", "x", "y", "-s", server.url(), "--user", "app", "--password", "nope",
                    "--timeout", "2s");
            assertEquals(ExitCodes.CONNECTION, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("Authorization Violation"), refused::toString);
        }
    }

    @Test
    void aTokenIsSent() throws Exception {
        try (ClientTestServer server = ClientTestServer.core(b -> b.authorization(AuthConfig.token("t0k")))) {
            assertEquals(ExitCodes.OK, HermodRun.run("pub", "x", "y", "-s", server.url(), "--token", "t0k").exitCode());
            assertEquals(ExitCodes.CONNECTION, HermodRun.run("pub", "x", "y", "-s", server.url(), "--timeout", "2s")
                    .exitCode());
        }
    }

    @Test
    void anNkeySeedFileSignsTheServersNonce() throws Exception {
        NKey user = NKey.createUser(null);
        Path seed = Files.writeString(dir.resolve("user.nk"), "# my key\n" + new String(user.getSeed()) + "\n");
        String publicKey = new String(user.getPublicKey());
        try (ClientTestServer server = ClientTestServer.core(b -> b.authorization(
                AuthConfig.users(List.of(), List.of(new NkeyUser(publicKey, null)))))) {
            Result ok = HermodRun.run("pub", "x", "y", "-s", server.url(), "--nkey", seed.toString());
            assertEquals(ExitCodes.OK, ok.exitCode(), ok::toString);
            NKey stranger = NKey.createUser(null);
            Path other = Files.writeString(dir.resolve("other.nk"), new String(stranger.getSeed()));
            assertEquals(ExitCodes.CONNECTION,
                    HermodRun.run("pub", "x", "y", "-s", server.url(), "--nkey", other.toString(), "--timeout", "2s")
                            .exitCode());
        }
    }

    @Test
    void tlsFlagsTrustTheCaAndPresentTheClientCertificate() throws Exception {
        TestCertificates certs = TestCertificates.get();
        TlsSettings tls = TlsSettings.load(certs.serverCert(), certs.serverKey(), certs.caFile(), true,
                Duration.ofSeconds(5));
        try (ClientTestServer server = ClientTestServer.core(b -> b.tls(tls))) {
            String url = "tls://127.0.0.1:" + server.server().port();
            Result ok = HermodRun.run("server", "info", "--json", "-s", url, "--tlsca", certs.caFile().toString(),
                    "--tlscert", certs.clientCert().toString(), "--tlskey", certs.clientKey().toString());
            assertEquals(ExitCodes.OK, ok.exitCode(), ok::toString);
            JsonNode json = new ObjectMapper().readTree(ok.out());
            assertTrue(json.get("tls_required").asBoolean(), ok::toString);

            Result noClientCert = HermodRun.run("server", "info", "-s", url, "--tlsca", certs.caFile().toString(),
                    "--timeout", "3s");
            assertEquals(ExitCodes.CONNECTION, noClientCert.exitCode(), noClientCert::toString);
        }
    }
}
