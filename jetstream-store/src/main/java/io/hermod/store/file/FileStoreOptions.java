package io.hermod.store.file;

import java.time.Clock;
import java.util.Objects;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

/**
 * Options of a store directory that are not part of a stream's configuration.
 *
 * @param rollCycle how often a stream's log starts a new cycle file; retention removes whole files, so this is
 *     its granularity (default hourly)
 * @param clock message timestamps, {@code max_age} and the log's roll cycles follow it
 */
public record FileStoreOptions(RollCycle rollCycle, Clock clock) {

    public FileStoreOptions {
        Objects.requireNonNull(rollCycle, "rollCycle");
        Objects.requireNonNull(clock, "clock");
    }

    public static FileStoreOptions defaults() {
        return new FileStoreOptions(RollCycles.FAST_HOURLY, Clock.systemUTC());
    }

    public FileStoreOptions withRollCycle(RollCycle value) {
        return new FileStoreOptions(value, clock);
    }

    public FileStoreOptions withClock(Clock value) {
        return new FileStoreOptions(rollCycle, value);
    }
}
