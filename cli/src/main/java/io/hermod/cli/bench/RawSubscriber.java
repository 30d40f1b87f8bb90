package io.hermod.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Counts the messages arriving on a raw subscribed connection by scanning bytes; the only per-read work is the
 * frame scan and one clock read. Runs on its own thread until it has {@code expected} messages or is stopped.
 */
final class RawSubscriber implements Runnable {
    private static final int READ_BUFFER = 64 * 1024;
    private static final int POLL_MILLIS = 200;

    private final RawConnection connection;
    private final long expected;
    private final MessageTally tally = new MessageTally();
    private final MsgFrameCounter counter = new MsgFrameCounter();
    private volatile boolean stopped;
    private volatile Exception failure;

    /** Subscribes on an open connection and waits for the server to confirm with a PONG. */
    static RawSubscriber subscribe(RawConnection connection, String subject, String queueGroup, long expected)
            throws IOException {
        String queue = queueGroup == null ? "" : " " + queueGroup;
        connection.write("SUB " + subject + queue + " 1\r\nPING\r\n");
        connection.awaitPong();
        return new RawSubscriber(connection, expected);
    }

    private RawSubscriber(RawConnection connection, long expected) {
        this.connection = connection;
        this.expected = expected;
    }

    @Override
    public void run() {
        try {
            connection.setReadTimeoutMillis(POLL_MILLIS);
            countUntilDone();
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                failure = e;
            }
        }
    }

    private void countUntilDone() throws IOException {
        byte[] buffer = new byte[READ_BUFFER];
        InputStream in = connection.input();
        while (!stopped && tally.messages() < expected) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException idle) {
                continue;
            }
            if (n < 0) {
                throw new IOException("server closed the connection");
            }
            tally.add(counter.feed(buffer, 0, n), System.nanoTime());
            for (long owed = counter.takePings(); owed > 0; owed--) {
                connection.write("PONG\r\n");
            }
        }
    }

    void stop() {
        stopped = true;
    }

    MessageTally tally() {
        return tally;
    }

    /** What went wrong, including a {@code -ERR} the server sent (e.g. slow consumer), or null. */
    String problem() {
        if (failure != null) {
            return failure.toString();
        }
        return counter.lastError();
    }
}
