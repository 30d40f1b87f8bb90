package io.hermod.store.file;

import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * Run in a separate JVM by {@link FileStreamCrashTest}: appends "msg-N" (N from 0) forever with up to 256 in
 * flight and prints "ACK seq" for each acknowledged append, until it is killed.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.US_ASCII);
        StoreDirectory directory = StoreDirectory.open(Path.of(args[0]));
        StreamStore store = directory.openStream(StreamStoreConfig.of("crash"));
        long next = store.state().lastSeq();
        out.println("READY " + next);
        Semaphore inFlight = new Semaphore(256);
        for (long n = next; ; n++) {
            inFlight.acquireUninterruptibly();
            store.append("crash." + (n % 7), null, payload(n)).whenComplete((seq, error) -> {
                inFlight.release();
                if (error == null) {
                    out.println("ACK " + seq);
                }
            });
        }
    }

    /** The payload of the message submitted as number {@code n} (stored at seq n + 1). */
    static byte[] payload(long n) {
        return ("msg-" + n + "-" + "x".repeat((int) (n % 50))).getBytes(StandardCharsets.US_ASCII);
    }
}
