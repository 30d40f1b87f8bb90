package io.hermod.core.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The outbound buffers one publisher wrote into during a read batch, flushed together at its end so that a
 * burst of messages costs one write per receiver instead of one per message. Single-threaded: owned by one
 * publisher.
 */
public final class FlushBatch {
    /** Something whose buffered bytes can be pushed out. */
    public interface Flushable {
        void flush();
    }

    private final List<Flushable> pending = new ArrayList<>();

    /** Callers add a target only when it was not yet scheduled, so the list holds each target once. */
    public void add(Flushable target) {
        pending.add(target);
    }

    public void flushAll() {
        List<Flushable> targets = pending;
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).flush();
        }
        targets.clear();
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }
}
