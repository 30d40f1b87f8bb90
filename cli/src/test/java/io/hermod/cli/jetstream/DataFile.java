package io.hermod.cli.jetstream;

import io.hermod.cli.client.ClientTestServer;
import io.hermod.cli.client.ConfigDir;
import io.hermod.cli.client.HermodRun;
import io.hermod.cli.client.HermodRun.Result;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * A Hermod server with JetStream and consumers for one test class, and {@code hermod ...} run in-process against
 * it (the server URL appended, contexts read from the test's own directory).
 */
final class JetStreamCli implements AutoCloseable {
    private final ClientTestServer server;
    private final ConfigDir config;

    private JetStreamCli(ClientTestServer server, ConfigDir config) {
        this.server = server;
        this.config = config;
    }

    static JetStreamCli start(Path dir) throws Exception {
        ConfigDir config = ConfigDir.at(Files.createDirectories(dir.resolve("config")));
        try {
            return new JetStreamCli(ClientTestServer.withJetStream(dir.resolve("store")), config);
        } catch (Exception | Error e) {
            config.close();
            throw e;
        }
    }

    Result run(String... args) {
        return HermodRun.run(withServer(args));
    }

    HermodRun.Running start(String... args) {
        return HermodRun.start(withServer(args));
    }

    String url() {
        return server.url();
    }

    Connection connect() throws Exception {
        return Nats.connect(new Options.Builder().server(url()).connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(0).build());
    }

    private String[] withServer(String... args) {
        return Stream.concat(Arrays.stream(args), Stream.of("-s", url())).toArray(String[]::new);
    }

    /** A file of the repository's {@code data/} folder, found from the module's directory. */
    static Path dataFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("data/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            config.close();
        }
    }
}
