package io.hermod.core.server;

import java.util.concurrent.atomic.LongAdder;

/** Server-wide counters, updated from every event loop; read by monitoring and logs. */
public final class ServerStats {
    final LongAdder inMessages = new LongAdder();
    final LongAdder inBytes = new LongAdder();
    final LongAdder outMessages = new LongAdder();
    final LongAdder outBytes = new LongAdder();
    final LongAdder slowConsumers = new LongAdder();
    final LongAdder totalConnections = new LongAdder();

    public long inMessages() { return inMessages.sum(); }
    public long inBytes() { return inBytes.sum(); }
    public long outMessages() { return outMessages.sum(); }
    public long outBytes() { return outBytes.sum(); }
    public long slowConsumers() { return slowConsumers.sum(); }
    public long totalConnections() { return totalConnections.sum(); }
}
