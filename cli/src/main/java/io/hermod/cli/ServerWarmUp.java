package io.hermod.cli;

import io.hermod.core.server.HermodServer;
import io.hermod.store.engine.JetStreamWarmUp;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * For {@code hermod server}: a background thread that sets up logging and loads the heavy libraries the server
 * needs next (epoll and Jackson; for a JetStream server also RocksDB, Chronicle Queue and the stream-config
 * mappers, see {@link JetStreamWarmUp}) while the main thread builds and parses the command line. With a spare
 * core this takes a few hundred milliseconds of CPU off the main thread's path; without one it costs only the
 * thread.
 *
 * <p>Logging is set up first and {@link LogSetup} waits for it: SLF4J hands a thread that asks while another
 * thread is still initialising it a stand-in factory, not logback's.
 */
final class ServerWarmUp {
    private static final Set<String> JETSTREAM_FLAGS = Set.of("-js", "--jetstream", "-c", "--config");
    private static final CountDownLatch LOGGING = new CountDownLatch(1);
    private static volatile boolean started;

    private ServerWarmUp() {
    }

    /** What a command line needs warmed up. */
    enum Scope { NONE, SERVER, JETSTREAM }

    /** Starts the warm-up if {@code args} run the server; JetStream's part only if a flag may enable it. */
    static void startFor(String[] args) {
        Scope scope = scopeOf(args);
        if (scope == Scope.NONE) {
            return;
        }
        Thread thread = new Thread(() -> run(scope == Scope.JETSTREAM), "hermod-warm-up");
        thread.setDaemon(true);
        started = true;
        thread.start();
    }

    static Scope scopeOf(String[] args) {
        if (args.length == 0 || !"server".equals(args[0])) {
            return Scope.NONE;
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (JETSTREAM_FLAGS.contains(equals < 0 ? arg : arg.substring(0, equals))) {
                return Scope.JETSTREAM;
            }
        }
        return Scope.SERVER;
    }

    /** Returns once logging is set up, if a warm-up is doing it; at once otherwise. */
    static void awaitLogging() {
        if (!started) {
            return;
        }
        try {
            LOGGING.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(boolean jetStream) {
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            LOGGING.countDown();
        }
        try {
            HermodServer.preload();
            if (jetStream) {
                JetStreamWarmUp.run();
            }
        } catch (Throwable e) {
            // The server's own start meets the same problem and reports it; this says where it began.
            LoggerFactory.getLogger(ServerWarmUp.class).warn("Warming up the server's libraries failed: {}",
                    e.toString(), e);
        }
    }
}
