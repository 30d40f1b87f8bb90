package io.hermod.cli.client.server;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.HumanBytes;
import io.hermod.cli.client.output.HumanDuration;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.KeyValueTable;
import io.nats.client.Connection;
import io.nats.client.api.AccountStatistics;
import io.nats.client.api.ServerInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hermod server info}: what the server said in its INFO, the round trip, and JetStream's account usage. */
@Command(name = "info",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Show the server's INFO (identity, version, limits, features), the round-trip time and, "
                + "when JetStream answers, the account's JetStream usage.",
        footer = {"", "Examples:",
                "  hermod server info",
                "  hermod server info -s nats://broker:4222 --json | jq .version"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure", "2:bad usage", "3:the server could not be reached"})
public final class ServerInfoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private JsonOutput json;

    @Mixin
    private ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        try (Connection nc = connection.connect()) {
            ServerInfo info = nc.getServerInfo();
            Duration rtt = nc.RTT();
            JetStreamStatus js = JetStreamStatus.of(nc, connection.timeout());
            if (json.enabled()) {
                JsonOutput.print(spec.commandLine().getOut(), asJson(info, rtt, js));
            } else {
                table(info, rtt, js).print(spec.commandLine().getOut());
            }
        }
        return ExitCodes.OK;
    }

    private static KeyValueTable table(ServerInfo info, Duration rtt, JetStreamStatus js) {
        KeyValueTable table = new KeyValueTable().section("Server")
                .add("Name", info.getServerName())
                .add("ID", info.getServerId())
                .add("Version", info.getVersion())
                .add("Go", info.getGoVersion())
                .add("Host", info.getHost() + ":" + info.getPort())
                .add("Protocol", info.getProtocolVersion())
                .add("Cluster", info.getCluster())
                .add("Lame duck mode", yesNo(info.isLameDuckMode()))
                .section("Connection")
                .add("Client ID", info.getClientId())
                .add("Client IP", info.getClientIp())
                .add("Round trip", HumanDuration.format(rtt))
                .add("Connect URLs", info.getConnectURLs().isEmpty() ? "" : String.join(", ", info.getConnectURLs()))
                .section("Features and limits")
                .add("Max payload", HumanBytes.format(info.getMaxPayload()))
                .add("Headers", yesNo(info.isHeadersSupported()))
                .add("Auth required", yesNo(info.isAuthRequired()))
                .add("TLS required", yesNo(info.isTLSRequired()))
                .add("TLS available", yesNo(info.isTLSAvailable()))
                .add("JetStream", yesNo(info.isJetStreamAvailable()));
        if (js.available()) {
            AccountStatistics stats = js.statistics();
            table.section("JetStream account")
                    .add("Streams", stats.getStreams())
                    .add("Consumers", stats.getConsumers())
                    .add("Storage", HumanBytes.format(stats.getStorage()))
                    .add("Memory", HumanBytes.format(stats.getMemory()))
                    .add("Max storage", limit(stats.getLimits() == null ? -1 : stats.getLimits().getMaxStorage()))
                    .add("Max memory", limit(stats.getLimits() == null ? -1 : stats.getLimits().getMaxMemory()));
        } else if (info.isJetStreamAvailable()) {
            table.add("JetStream status", js.unavailableReason());
        }
        return table;
    }

    /** INFO's own field names (as nats-server sends them), plus the round trip and JetStream's account usage. */
    private static Map<String, Object> asJson(ServerInfo info, Duration rtt, JetStreamStatus js) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("server_id", info.getServerId());
        doc.put("server_name", info.getServerName());
        doc.put("version", info.getVersion());
        doc.put("go", info.getGoVersion());
        doc.put("host", info.getHost());
        doc.put("port", info.getPort());
        doc.put("proto", info.getProtocolVersion());
        doc.put("headers", info.isHeadersSupported());
        doc.put("auth_required", info.isAuthRequired());
        doc.put("tls_required", info.isTLSRequired());
        doc.put("tls_available", info.isTLSAvailable());
        doc.put("max_payload", info.getMaxPayload());
        doc.put("jetstream", info.isJetStreamAvailable());
        doc.put("client_id", info.getClientId());
        doc.put("client_ip", info.getClientIp());
        doc.put("cluster", info.getCluster());
        doc.put("connect_urls", info.getConnectURLs());
        doc.put("ldm", info.isLameDuckMode());
        doc.put("rtt_ns", rtt.toNanos());
        if (js.available()) {
            AccountStatistics stats = js.statistics();
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("streams", stats.getStreams());
            account.put("consumers", stats.getConsumers());
            account.put("storage", stats.getStorage());
            account.put("memory", stats.getMemory());
            if (stats.getLimits() != null) {
                account.put("max_storage", stats.getLimits().getMaxStorage());
                account.put("max_memory", stats.getLimits().getMaxMemory());
            }
            doc.put("jetstream_account", account);
        }
        return doc;
    }

    private static String limit(long bytes) {
        return bytes < 0 ? "unlimited" : HumanBytes.format(bytes);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
