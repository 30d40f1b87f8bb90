package io.hermod.cli.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Waits for a condition for as long as a counter keeps moving, so a stalled run ends instead of hanging. */
final class ProgressWait {
    private static final long POLL_MILLIS = 5;

    private ProgressWait() {
    }

    /**
     * Returns true once {@code done} holds, or false when {@code progress} has not changed for {@code stall}.
     */
    static boolean await(BooleanSupplier done, LongSupplier progress, Duration stall) throws InterruptedException {
        long last = progress.getAsLong();
        long lastChange = System.nanoTime();
        while (!done.getAsBoolean()) {
            Thread.sleep(POLL_MILLIS);
            long now = progress.getAsLong();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stall.toNanos()) {
                return done.getAsBoolean();
            }
        }
        return true;
    }
}
