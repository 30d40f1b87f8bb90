package io.hermod.cli;

import io.hermod.core.server.ServerOptions;
import io.hermod.store.engine.JetStreamSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCommandJetStreamTest {
    @TempDir
    Path dir;

    private static ServerCommand parse(String... args) {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void jetStreamIsOffByDefaultWithTheDefaultStoreDir() throws Exception {
        ServerOptions options = parse().options();
        assertFalse(options.jetstream());
        assertEquals(Path.of("data", "store"), options.storeDir());
    }

    @Test
    void jsFlagEnablesAndSdSetsTheStoreDir() throws Exception {
        ServerOptions options = parse("-js", "-sd", dir.toString()).options();
        assertTrue(options.jetstream());
        assertEquals(dir, options.storeDir());
        assertEquals(JetStreamSettings.of(dir), JetStreamStartup.settings(options));
    }

    @Test
    void configBlockEnablesWithLimitsAndTheFlagOverridesTheStoreDir() throws Exception {
        Path conf = dir.resolve("js.conf");
        Files.writeString(conf, "jetstream {\n store_dir: \"" + dir.resolve("from-file") + "\"\n"
                + " max_file_store: 1MB\n sync_interval: \"1s\"\n}\n");
        ServerOptions fromFile = parse("-c", conf.toString()).options();
        assertTrue(fromFile.jetstream());
        assertEquals(new JetStreamSettings(dir.resolve("from-file"), -1, 1 << 20, Duration.ofSeconds(1)),
                JetStreamStartup.settings(fromFile));
        assertEquals(dir.resolve("flag"), parse("-c", conf.toString(), "-sd", dir.resolve("flag").toString())
                .options().storeDir());
    }
}
