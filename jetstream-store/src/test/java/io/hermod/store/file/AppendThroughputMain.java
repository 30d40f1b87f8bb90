package io.hermod.store.file;

import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * A hand-run measurement, not a test: durable appends of 128 B with 1,000 in flight for a few seconds; prints
 * appends/s and bytes of log per stored message. Arguments: store directory, seconds.
 */
public final class AppendThroughputMain {
    private AppendThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        byte[] payload = new byte[128];
        Semaphore inFlight = new Semaphore(1000);
        try (StoreDirectory directory = StoreDirectory.open(dir)) {
            StreamStore store = directory.openStream(StreamStoreConfig.of("bench"));
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            long n = 0;
            while (System.nanoTime() < deadline) {
                inFlight.acquire();
                store.append("bench.subject", null, payload).whenComplete((seq, e) -> inFlight.release());
                n++;
            }
            inFlight.acquire(1000);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long stored = store.state().messages();
            long logBytes;
            try (Stream<Path> files = Files.list(directory.logDirectory("bench"))) {
                logBytes = files.filter(p -> p.toString().endsWith(".cq4")).mapToLong(p -> p.toFile().length() > 0
                        ? allocated(p) : 0).sum();
            }
            System.out.printf("appends: %d in %.1f s = %.0f/s durable; log on disk %d B = %.1f B/message%n", n,
                    elapsed, n / elapsed, logBytes, (double) logBytes / stored);
        }
    }

    /** Blocks actually allocated (cycle files are sparse and preallocated). */
    private static long allocated(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:blocks", java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .longValue() * 512;
        } catch (Exception e) {
            return p.toFile().length();
        }
    }
}
