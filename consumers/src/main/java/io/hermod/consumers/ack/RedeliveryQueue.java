package io.hermod.consumers.ack;

import java.util.Iterator;
import java.util.LinkedHashSet;

/** Stream sequences due for redelivery, first in first out, each at most once (nats's {@code rdq}). Single-threaded. */
final class RedeliveryQueue {
    private final LinkedHashSet<Long> seqs = new LinkedHashSet<>();

    boolean add(long seq) {
        return seqs.add(seq);
    }

    boolean remove(long seq) {
        return seqs.remove(seq);
    }

    boolean contains(long seq) {
        return seqs.contains(seq);
    }

    /** The head, or 0 when empty. */
    long peek() {
        Iterator<Long> it = seqs.iterator();
        return it.hasNext() ? it.next() : 0;
    }

    int size() {
        return seqs.size();
    }
}
