package io.hermod.core.differential;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a {@link ProtocolCase} against a target and records what the client sees. The expected transcript only
 * decides when to stop reading, never what is recorded:
 * <ul>
 *   <li>read the first line, send the case's bytes, then read lines until as many as expected arrived, the server
 *       closed, or the case's patience ran out;</li>
 *   <li>if the case expects the server to close: keep reading (recording any extra lines) until it does or patience
 *       runs out;</li>
 *   <li>if it expects the connection to stay open: send a liveness {@code PING} and read up to its {@code PONG},
 *       recording anything before it; the PONG itself is not recorded.</li>
 * </ul>
 */
public final class TranscriptRecorder {
    static final String NO_PONG_MARKER = "<no PONG to liveness PING before deadline>";
    static final String UNTERMINATED_MARKER = "<unterminated bytes before close: ";

    private static final String QUIET_CONNECT = "CONNECT {\"verbose\":false}\r\n";

    private TranscriptRecorder() {
    }

    public static Transcript record(ProtocolTarget target, ProtocolCase row) throws IOException {
        Instant deadline = Instant.now().plus(row.patience());
        List<RawNatsConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < row.heldConnections(); i++) {
                held.add(handshake(target.port(), deadline));
            }
            try (RawNatsConnection connection = RawNatsConnection.open(target.port(), row.patience())) {
                return new Session(connection, row, deadline).play();
            }
        } finally {
            for (RawNatsConnection connection : held) {
                connection.close();
            }
        }
    }

    /** A connection that has completed CONNECT/PING/PONG, so the server counts it as a client. */
    private static RawNatsConnection handshake(int port, Instant deadline) throws IOException {
        RawNatsConnection connection = RawNatsConnection.open(port, Duration.between(Instant.now(), deadline));
        connection.readLine(deadline);
        connection.send(QUIET_CONNECT + "PING\r\n");
        String line;
        while ((line = connection.readLine(deadline)) != null) {
            if (line.equals("PONG")) {
                return connection;
            }
        }
        connection.close();
        throw new IllegalStateException("held connection closed by server before PONG");
    }

    private static final class Session {
        private final RawNatsConnection connection;
        private final ProtocolCase row;
        private final Instant deadline;
        private final List<String> lines = new ArrayList<>();
        private boolean timedOut;

        Session(RawNatsConnection connection, ProtocolCase row, Instant deadline) {
            this.connection = connection;
            this.row = row;
            this.deadline = deadline;
        }

        Transcript play() throws IOException {
            String first = nextLine();
            if (first != null) {
                lines.add(first);
            }
            sendIgnoringClose(row.send());
            while (lines.size() < row.expected().lines().size() && recordNextLine()) {
                // recordNextLine appends
            }
            if (!connection.peerClosed() && !timedOut) {
                if (row.expected().closed()) {
                    while (recordNextLine()) {
                        // record whatever comes before the close
                    }
                } else {
                    checkAlive();
                }
            }
            byte[] rest = connection.pendingBytes();
            if (connection.peerClosed() && rest.length > 0) {
                lines.add(UNTERMINATED_MARKER + new String(rest, StandardCharsets.ISO_8859_1) + ">");
            }
            return new Transcript(lines, connection.peerClosed());
        }

        private void checkAlive() throws IOException {
            sendIgnoringClose("PING\r\n");
            String line;
            while ((line = nextLine()) != null) {
                if (line.equals("PONG")) {
                    return;
                }
                lines.add(line);
            }
            if (timedOut) {
                lines.add(NO_PONG_MARKER);
            }
        }

        /** Appends the next line; false on close or timeout. */
        private boolean recordNextLine() throws IOException {
            String line = nextLine();
            if (line == null) {
                return false;
            }
            lines.add(line);
            return true;
        }

        /** Next normalised line, skipping server PINGs unless the case keeps them; null on close or timeout. */
        private String nextLine() throws IOException {
            while (!timedOut) {
                String line;
                try {
                    line = connection.readLine(deadline);
                } catch (SocketTimeoutException e) {
                    timedOut = true;
                    return null;
                }
                if (line == null) {
                    return null;
                }
                if (!line.equals("PING") || row.keepServerPings()) {
                    return Transcript.normalise(line);
                }
            }
            return null;
        }

        /** A server that already closed makes the write fail; what it sent before is still readable. */
        private void sendIgnoringClose(String bytes) {
            if (bytes.isEmpty()) {
                return;
            }
            try {
                connection.send(bytes);
            } catch (IOException e) {
                // the close shows up on the next read
            }
        }
    }
}
