package io.hermod.cli.walkthrough;

import io.hermod.cli.HermodCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs README's walkthrough as written, with bash, against the freshly packaged launcher ({@code ./hermod} and
 * {@code cli/target/hermod.jar}): the only changes are a free port for {@code 4222}, a temporary directory for
 * {@code /tmp/hermod-walkthrough}, and a temporary configuration directory for the saved context. Then checks that
 * what the README shows as output was printed (lines with times or ages aside).
 *
 * <p>Runs in Maven's {@code integration-test} phase, after {@code package} has built the jar (a test-phase run
 * without a fresh jar is skipped). The {@code hermod store verify} step runs only when this build has the
 * {@code store} command. Whatever the script starts is killed at the end, by PID: the script's own trap kills the
 * server it started, and any process still below the script is killed too.
 */
class WalkthroughIT {
    private static final String README_PORT = "4222";
    private static final String README_STORE = "/tmp/hermod-walkthrough";
    private static final long LIMIT_MINUTES = 10;
    /** Output lines that differ from run to run: timestamps, ages, the user's home. */
    private static final Pattern VARIABLE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT|\\bago\\b|~/");

    @TempDir
    Path tmp;

    @Test
    void readmeWalkthroughRunsAsWrittenAndPrintsWhatItShows() throws Exception {
        Path root = repositoryRoot();
        Path jar = root.resolve("cli/target/hermod.jar");
        Assumptions.assumeTrue(isFresh(root, jar),
                "cli/target/hermod.jar is missing or older than the sources: this test runs after package");
        boolean hasStoreCommand = HermodCommand.commandLine().getSubcommands().containsKey("store");

        ReadmeWalkthrough walkthrough = ReadmeWalkthrough.parse(Files.readString(root.resolve("README.md")));
        assertTrue(walkthrough.steps().size() >= 5, walkthrough::toString);
        String port = Integer.toString(freePort());
        Path store = tmp.resolve("store");

        StringBuilder script = new StringBuilder("set -euo pipefail\n")
                .append("trap 'if [ -n \"${server:-}\" ]; then kill -9 \"$server\" 2>/dev/null || true; fi' EXIT\n");
        List<String> expected = new ArrayList<>();
        for (ReadmeWalkthrough.Step step : walkthrough.steps()) {
            boolean verifyStep = step.commands().contains("./hermod store verify");
            String commands = adapt(step.commands(), port, store);
            if (verifyStep && !hasStoreCommand) {
                commands = commands.lines().filter(l -> !l.contains("./hermod store verify"))
                        .reduce("", (a, l) -> a + l + "\n");
            } else {
                step.shownOutput().lines().map(l -> adapt(l, port, store))
                        .filter(l -> !l.isBlank() && !VARIABLE.matcher(l).find()).forEach(expected::add);
            }
            script.append(commands);
        }
        Path scriptFile = Files.writeString(tmp.resolve("walkthrough.sh"), script.toString());
        Path output = tmp.resolve("walkthrough.out");

        ProcessBuilder pb = new ProcessBuilder("bash", scriptFile.toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        pb.environment().remove("NATS_URL");
        Process bash = pb.start();
        boolean ended;
        try {
            ended = bash.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES);
        } finally {
            bash.descendants().forEach(ProcessHandle::destroyForcibly);
            bash.destroyForcibly();
            bash.waitFor(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, () -> "the walkthrough did not end within " + LIMIT_MINUTES + " minutes:\n" + printed);
        assertEquals(0, bash.exitValue(), () -> "the walkthrough failed:\n" + script + "\n--- output\n" + printed);

        List<String> printedLines = printed.lines().toList();
        for (String line : expected) {
            assertTrue(printedLines.contains(line),
                    () -> "README shows '" + line + "' but the walkthrough printed:\n" + printed);
        }
        // The point of the walkthrough: the unacknowledged order came back after the crash, and only it.
        assertTrue(printed.contains("delivered: 2 / consumer seq: 4 / stream seq: 3"), printed);
        assertFalse(printed.contains("delivered: 2 / consumer seq: 4 / stream seq: 1"), printed);
        if (hasStoreCommand) {
            assertTrue(printed.contains("no inconsistencies"), printed);
        }
    }

    private static String adapt(String text, String port, Path store) {
        return text.replace(README_PORT, port).replace(README_STORE, store.toString());
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("hermod"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (README.md and hermod) above " + Path.of(""));
    }

    /** The launcher's own test: the jar exists and no source, pom or proto is newer than it. */
    private static boolean isFresh(Path root, Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> !p.startsWith(root.resolve("data")) && !p.startsWith(root.resolve(".git"))
                            && !p.toString().contains("/target/"))
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".java") || name.equals("pom.xml") || name.endsWith(".proto");
                    })
                    .noneMatch(p -> {
                        try {
                            return Files.getLastModifiedTime(p).compareTo(built) > 0;
                        } catch (IOException e) {
                            return true;
                        }
                    });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
