package io.hermod.cli.bench;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How long a restarted server takes to serve its stream again: polls {@code $JS.API.STREAM.INFO} (connecting as
 * often as needed) until the stream reports at least the expected message count, then takes the time since the
 * server process started from {@code /proc}. Meant to be started before the server: it signals through the ready
 * file that it is polling, and learns the server's PID from the PID file the starter writes.
 */
final class JetStreamRestartCheck {
    private static final long POLL_MILLIS = 10;
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    /**
     * @param serverPid the server's PID, or null to read it from {@code serverPidFile} once that holds one
     * @param readyFile created (empty) once polling has begun, or null
     */
    record Target(String stream, long expectedMessages, Duration deadline, Long serverPid, Path serverPidFile,
                  Path readyFile) {
    }

    private final NatsEndpoint endpoint;
    private final Target target;

    JetStreamRestartCheck(NatsEndpoint endpoint, Target target) {
        this.endpoint = endpoint;
        this.target = target;
    }

    JetStreamRestartReport run() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + target.deadline().toNanos();
        Options options = new Options.Builder()
                .server(endpoint.url())
                .connectionName("hermod-bench-restart-check")
                .maxReconnects(0)
                .connectionTimeout(POLL_TIMEOUT)
                // Refused connections are expected until the server listens: no log line for each.
                .errorListener(new ErrorListener() { })
                .build();
        JetStreamOptions jso = BenchStream.options(POLL_TIMEOUT);
        ProcFiles server = target.serverPid() == null ? null : new ProcFiles(target.serverPid());
        Connection connection = null;
        long polls = 0;
        long lastCount = -1;
        String lastAnswer = "no answer yet";
        Double readyAt = null;
        try {
            while (readyAt == null) {
                if (System.nanoTime() > deadline) {
                    return notReached(polls, lastCount, "deadline of " + target.deadline().toSeconds()
                            + " s passed; last answer: " + lastAnswer);
                }
                if (server == null) {
                    server = readPidFile();
                }
                if (server != null && !server.alive()) {
                    return notReached(polls, lastCount, "the server process exited; last answer: " + lastAnswer);
                }
                if (connection == null) {
                    try {
                        connection = Nats.connect(options);
                    } catch (IOException e) {
                        lastAnswer = "connect: " + e.getMessage();
                    }
                }
                if (connection != null) {
                    polls++;
                    try {
                        long count = connection.jetStreamManagement(jso).getStreamInfo(target.stream())
                                .getStreamState().getMsgCount();
                        lastCount = count;
                        if (count >= target.expectedMessages()) {
                            readyAt = ProcFiles.uptimeSeconds();
                            break;
                        }
                        lastAnswer = "stream " + target.stream() + " holds " + count + " messages";
                    } catch (JetStreamApiException e) {
                        lastAnswer = e.getMessage();
                    } catch (IOException | RuntimeException e) {
                        lastAnswer = e.toString();
                        if (connection.getStatus() == Connection.Status.CLOSED) {
                            connection = null;
                        }
                    }
                }
                signalReady();
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        while (server == null) {
            if (System.nanoTime() > deadline) {
                return notReached(polls, lastCount, "the stream came back but no PID appeared in "
                        + target.serverPidFile());
            }
            Thread.sleep(POLL_MILLIS);
            server = readPidFile();
        }
        double restartSeconds = readyAt - server.startSecondsSinceBoot();
        return new JetStreamRestartReport(title(), target.expectedMessages(), lastCount, polls, restartSeconds,
                server.cpuSeconds(), server.rssKiB(), null);
    }

    private JetStreamRestartReport notReached(long polls, long lastCount, String problem) {
        return new JetStreamRestartReport(title(), target.expectedMessages(), lastCount, polls, Double.NaN,
                Double.NaN, -1, problem);
    }

    private String title() {
        return String.format(java.util.Locale.ROOT,
                "JetStream restart check [%s, stream=%s, expecting %,d messages, deadline %d s]",
                endpoint.url(), target.stream(), target.expectedMessages(), target.deadline().toSeconds());
    }

    private void signalReady() throws IOException {
        Path ready = target.readyFile();
        if (ready != null && !Files.exists(ready)) {
            Files.createFile(ready);
        }
    }

    /** The server named by the PID file, or null while the file is missing or not yet written in full. */
    private ProcFiles readPidFile() throws IOException {
        Path file = target.serverPidFile();
        if (file == null || !Files.exists(file)) {
            return null;
        }
        Long pid = parsePid(Files.readString(file, StandardCharsets.US_ASCII));
        return pid == null ? null : new ProcFiles(pid);
    }

    /** A PID file's content: one positive number (surrounding blanks allowed); null for anything else. */
    static Long parsePid(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || !trimmed.chars().allMatch(Character::isDigit) || trimmed.length() > 18) {
            return null;
        }
        long pid = Long.parseLong(trimmed);
        return pid > 0 ? pid : null;
    }
}
