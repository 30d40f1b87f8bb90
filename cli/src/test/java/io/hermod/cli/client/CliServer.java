package io.hermod.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.cli.client.HermodRun.Result;
import io.hermod.cli.client.HermodRun.Running;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real Hermod server (core only, or with JetStream and consumers) and {@code hermod ...} run in-process against
 * it: the server URL appended, contexts read from the fixture's own temporary directory. Register it with
 * {@code @RegisterExtension}: in a static field it serves the whole test class, in an instance field each test.
 */
public final class CliServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean jetStream;
    private boolean perClass;
    private Path dir;
    private ConfigDir config;
    private ClientTestServer server;

    private CliServer(boolean jetStream) {
        this.jetStream = jetStream;
    }

    /** Core publish/subscribe only. */
    public static CliServer core() {
        return new CliServer(false);
    }

    /** With streams and consumers, as {@code hermod server -js} assembles them. */
    public static CliServer withJetStream() {
        return new CliServer(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        open();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Runs {@code hermod args... -s URL} to its end. */
    public Result run(String... args) {
        return HermodRun.run(withServer(args));
    }

    /** Runs {@code hermod args... -s URL} with {@code stdin} as its standard input. */
    public Result runWithInput(String stdin, String... args) {
        return HermodRun.runWithInput(stdin, withServer(args));
    }

    /** Starts {@code hermod args... -s URL} and returns while it runs. */
    public Running start(String... args) {
        return HermodRun.start(withServer(args));
    }

    /** Runs the command and checks it succeeded. */
    public Result ok(String... args) {
        Result r = run(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        return r;
    }

    /** Runs the command, checks it succeeded, and reads what it printed as one JSON document. */
    public JsonNode json(String... args) throws IOException {
        return JSON.readTree(ok(args).out());
    }

    /** {@code command} followed by {@code args}, for helpers that run one command with varying arguments. */
    public static String[] command(String command, String... args) {
        return Stream.concat(Stream.of(command), Arrays.stream(args)).toArray(String[]::new);
    }

    /** Stops the server before the test ends, as when it goes away under a running command. */
    public void stopServer() {
        server.close();
    }

    public String url() {
        return server.url();
    }

    public Connection connect() throws IOException, InterruptedException {
        return Nats.connect(new Options.Builder().server(url()).connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(0).build());
    }

    private String[] withServer(String... args) {
        return Stream.concat(Arrays.stream(args), Stream.of("-s", url())).toArray(String[]::new);
    }

    private void open() throws Exception {
        dir = Files.createTempDirectory("hermod-cli-test");
        config = ConfigDir.at(Files.createDirectories(dir.resolve("config")));
        try {
            server = jetStream ? ClientTestServer.withJetStream(dir.resolve("store")) : ClientTestServer.core();
        } catch (Exception | Error e) {
            config.close();
            throw e;
        }
    }

    private void close() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            config.close();
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
