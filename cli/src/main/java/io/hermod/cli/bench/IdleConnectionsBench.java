package io.hermod.cli.bench;

import io.hermod.cli.client.output.ProgressBar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens many connections that then do nothing, to measure what an idle client costs the server in memory.
 * Each completes the handshake (CONNECT, PING/PONG) so the server has fully set it up before RSS is read.
 */
final class IdleConnectionsBench {
    /** Lets the server finish work it defers after the last handshake before its RSS is read. */
    private static final long SETTLE_MILLIS = 1_000;

    private final NatsEndpoint endpoint;
    private final int count;
    private final ProcFiles server;
    private final java.io.PrintStream progress;

    /** {@code server} may be null: then only the connection rate is measured. */
    IdleConnectionsBench(NatsEndpoint endpoint, int count, ProcFiles server, java.io.PrintStream progress) {
        this.endpoint = endpoint;
        this.count = count;
        this.server = server;
        this.progress = progress;
    }

    IdleReport run() throws IOException, InterruptedException {
        long rssBefore = server == null ? -1 : server.rssKiB();
        List<RawConnection> open = new ArrayList<>(count);
        String failure = null;
        long start = System.nanoTime();
        long elapsed;
        long rssAfter;
        try {
            try (ProgressBar bar = ProgressBar.start(progress, "connected", count, open::size)) {
                for (int i = 0; i < count; i++) {
                    open.add(RawConnection.open(endpoint, RawConnection.IDLE_READ_BUFFER));
                }
            } catch (IOException e) {
                failure = "connection " + (open.size() + 1) + " failed: " + e.getMessage();
            }
            elapsed = System.nanoTime() - start;
            Thread.sleep(SETTLE_MILLIS);
            rssAfter = server == null ? -1 : server.rssKiB();
        } finally {
            for (RawConnection connection : open) {
                connection.close();
            }
        }
        return new IdleReport(endpoint.url(), count, open.size(), elapsed, rssBefore, rssAfter, failure);
    }
}
