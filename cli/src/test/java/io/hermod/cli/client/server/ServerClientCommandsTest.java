package io.hermod.cli.client.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.cli.client.ClientTestServer;
import io.hermod.cli.client.ConfigDirPerTest;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.HermodRun;
import io.hermod.cli.client.HermodRun.Result;
import io.nats.client.Connection;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerClientCommandsTest {
    /** Thresholds no loaded test machine reaches, so only the flag under test decides. */
    private static final String[] RELAXED = {"--connect-warn", "1m", "--connect-critical", "2m",
            "--rtt-warn", "1m", "--rtt-critical", "2m"};

    @TempDir
    Path dir;
    @RegisterExtension
    final ConfigDirPerTest config = new ConfigDirPerTest(() -> dir.resolve("config"));

    private static String[] args(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void checkIsOkWithPerformanceDataAndCriticalWhenJetStreamIsRequiredButAbsent() throws Exception {
        try (ClientTestServer server = ClientTestServer.core()) {
            Result ok = HermodRun.run(args(new String[] {"server", "check", "-s", server.url()}, RELAXED));
            assertEquals(0, ok.exitCode(), ok::toString);
            assertTrue(ok.out().startsWith("OK Server OK:connected to " + server.url() + " in "), ok::toString);
            assertTrue(ok.out().contains(" OK:JetStream unavailable"), ok::toString);
            assertTrue(ok.out().matches("(?s).*\\| connect_time=[0-9.]+s;60\\.000000;120\\.000000 rtt=[0-9.]+s;.*"),
                    ok::toString);

            Result required = HermodRun.run(args(new String[] {"server", "check", "--jetstream", "-s", server.url()},
                    RELAXED));
            assertEquals(2, required.exitCode(), required::toString);
            assertTrue(required.out().startsWith("CRITICAL Server OK:connected")
                    && required.out().contains(" CRITICAL:JetStream unavailable"), required::toString);
        }
    }

    @Test
    void rttThresholdsGiveWarningAndCritical() throws Exception {
        try (ClientTestServer server = ClientTestServer.core()) {
            Result warning = HermodRun.run("server", "check", "-s", server.url(), "--connect-warn", "1m",
                    "--connect-critical", "2m", "--rtt-warn", "0s", "--rtt-critical", "2m");
            assertEquals(1, warning.exitCode(), warning::toString);
            assertTrue(warning.out().startsWith("WARNING Server OK:connected") && warning.out().contains(" WARNING:rtt "), warning::toString);

            Result critical = HermodRun.run("server", "check", "-s", server.url(), "--connect-warn", "1m",
                    "--connect-critical", "2m", "--rtt-warn", "0s", "--rtt-critical", "0s");
            assertEquals(2, critical.exitCode(), critical::toString);
            assertTrue(critical.out().contains(" CRITICAL:rtt "), critical::toString);
        }
    }

    @Test
    void checkOfAnUnreachableServerIsCritical() throws Exception {
        String url = "nats://127.0.0.1:" + closedPort();
        Result result = HermodRun.run("server", "check", "-s", url, "--timeout", "2s");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("CRITICAL Server CRITICAL:cannot connect to " + url), result::toString);
    }

    @Test
    void checkReportsJetStreamUsageInJson() throws Exception {
        try (ClientTestServer server = ClientTestServer.withJetStream(dir.resolve("store"))) {
            try (Connection nc = Nats.connect(new Options.Builder().server(server.url()).maxReconnects(0).build())) {
                JetStreamOptions patient = JetStreamOptions.builder().requestTimeout(Duration.ofSeconds(20)).build();
                nc.jetStreamManagement(patient).addStream(StreamConfiguration.builder().name("S").subjects("s.>")
                        .build());
                nc.jetStream(patient).publish("s.1", "hello".getBytes());
            }
            Result result = HermodRun.run(args(new String[] {"server", "check", "--jetstream", "--json",
                    "-s", server.url()}, RELAXED));
            assertEquals(0, result.exitCode(), result::toString);
            JsonNode json = new ObjectMapper().readTree(result.out());
            assertEquals("OK", json.get("status").asText());
            assertEquals(1, json.at("/metrics/streams").asInt());
            assertTrue(json.at("/metrics/storage").asLong() > 0, result::toString);
            assertEquals("jetstream", json.at("/checks/2/check").asText());
            assertEquals("OK", json.at("/checks/2/status").asText());
        }
    }

    @Test
    void infoShowsTheServersInfoAsATableAndAsJson() throws Exception {
        try (ClientTestServer server = ClientTestServer.withJetStream(dir.resolve("store"))) {
            Result table = HermodRun.run("server", "info", "-s", server.url());
            assertEquals(ExitCodes.OK, table.exitCode(), table::toString);
            assertTrue(table.out().startsWith("Server:\n\n"), table::toString);
            assertTrue(table.out().contains("            ID: " + server.server().serverId() + "\n"), table::toString);
            assertTrue(table.out().contains("   Max payload: 1.0 MiB\n"), table::toString);
            assertTrue(table.out().contains("     JetStream: yes\n"), table::toString);
            assertTrue(table.out().contains("JetStream account:\n\n"), table::toString);
            assertTrue(table.out().contains("   Max storage: unlimited\n"), table::toString);

            JsonNode json = new ObjectMapper().readTree(HermodRun.run("server", "info", "--json", "-s",
                    server.url()).out());
            assertEquals(server.server().serverId(), json.get("server_id").asText());
            assertEquals(server.server().port(), json.get("port").asInt());
            assertEquals(1 << 20, json.get("max_payload").asInt());
            assertTrue(json.get("headers").asBoolean());
            assertTrue(json.get("jetstream").asBoolean());
            assertEquals(0, json.at("/jetstream_account/streams").asInt());
        }
    }

    @Test
    void infoOfAnUnreachableServerExitsWithTheConnectionCode() throws Exception {
        Result result = HermodRun.run("server", "info", "-s", "nats://127.0.0.1:" + closedPort(), "--timeout", "2s");
        assertEquals(ExitCodes.CONNECTION, result.exitCode(), result::toString);
        assertFalse(result.err().contains("\tat "), result::toString);
    }

    @Test
    void serverHelpStillDescribesTheBrokerAndListsItsInspectionSubcommands() {
        Result help = HermodRun.run("server", "--help");
        assertEquals(ExitCodes.OK, help.exitCode(), help::toString);
        assertTrue(help.out().contains("--store_dir"), help::toString);
        assertTrue(help.out().contains("check"), help::toString);
        assertTrue(help.out().contains("info"), help::toString);
        assertTrue(HermodRun.run("server", "check", "--help").out().contains("Examples:"));
        assertTrue(HermodRun.run("server", "info", "--help").out().contains("Examples:"));
    }

    @Test
    void storageThresholdsApplyOnlyWhenTheAccountHasALimit() {
        java.util.List<ServerCheckCommand.Finding> findings = new java.util.ArrayList<>();
        ServerCheckCommand.usage("storage", 900, -1, 50.0, 80.0, findings);
        assertTrue(findings.isEmpty());
        ServerCheckCommand.usage("storage", 600, 1000, 50.0, 80.0, findings);
        ServerCheckCommand.usage("storage", 900, 1000, 50.0, 80.0, findings);
        ServerCheckCommand.usage("storage", 100, 1000, 50.0, 80.0, findings);
        assertEquals(java.util.List.of(CheckStatus.WARNING, CheckStatus.CRITICAL, CheckStatus.OK),
                findings.stream().map(ServerCheckCommand.Finding::status).toList());
        assertEquals("storage 60.0% of 1000 B used", findings.get(0).message());
    }
}
