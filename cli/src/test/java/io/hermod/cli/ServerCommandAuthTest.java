package io.hermod.cli;

import io.hermod.core.auth.AuthConfig;
import io.hermod.core.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hermod server}'s auth flags, the config file's authorization, and reload by SIGHUP. */
class ServerCommandAuthTest {

    private static ServerOptions options(String... args) throws Exception {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Test
    void userAndPassFlags() throws Exception {
        AuthConfig auth = options("--user", "derek", "--pass", "s3cr3t").authorization();
        assertEquals("derek", auth.username());
        assertEquals("s3cr3t", auth.password());
        assertNull(auth.token());
    }

    @Test
    void authFlagIsAToken() throws Exception {
        AuthConfig auth = options("--auth", "t0k3n").authorization();
        assertEquals("t0k3n", auth.token());
        assertTrue(auth.required());
    }

    @Test
    void flagsReplaceTheConfigFilesAuthorization(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("hermod.conf"),
                "authorization { users = [ {user: a, password: b} ], timeout: 3 }\n");
        assertEquals(1, options("-c", conf.toString()).authorization().users().size());
        AuthConfig flagged = options("-c", conf.toString(), "--auth", "t").authorization();
        assertEquals("t", flagged.token());
        assertEquals(0, flagged.users().size());
        assertEquals(java.time.Duration.ofSeconds(3), options("-c", conf.toString()).authTimeout());
    }

    @Test
    void noFlagsNoAuthorization() throws Exception {
        assertEquals(AuthConfig.NONE, options().authorization());
    }

    @Test
    void signalNeedsReloadAndAProcessId() {
        assertThrows(IllegalArgumentException.class, () -> SignalSender.send("reload"));
        assertThrows(IllegalArgumentException.class, () -> SignalSender.send("reload=abc"));
        assertThrows(IllegalArgumentException.class, () -> SignalSender.send("stop=1"));
    }

    @Test
    void signalReloadDeliversSighupToTheServerProcess() throws Exception {
        CountDownLatch reloaded = new CountDownLatch(1);
        ReloadOnHangup.install(reloaded::countDown);
        // This JVM stands in for the running server: the handler it installed must run.
        assertEquals(0, SignalSender.send("reload=" + ProcessHandle.current().pid()));
        assertTrue(reloaded.await(10, TimeUnit.SECONDS), "SIGHUP handler did not run");
    }
}
