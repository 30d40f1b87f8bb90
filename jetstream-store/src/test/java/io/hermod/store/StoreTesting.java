package io.hermod.store;

import io.hermod.store.file.FileStoreOptions;
import java.time.Clock;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/** Options for tests: cycle files of one second of the given clock, so a test rolls them by moving the clock. */
public final class StoreTesting {
    private StoreTesting() {
    }

    public static FileStoreOptions options(Clock clock) {
        return FileStoreOptions.defaults().withRollCycle(TestRollCycles.TEST_SECONDLY).withClock(clock);
    }
}
