package io.hermod.core.subject;

import java.util.LinkedHashMap;
import java.util.Map;

/** The subscriptions whose filter ends at this token, and the level of the tokens that may follow it. */
final class TrieNode<S> {
    TrieLevel<S> next;
    final MemberSet<S> plain = new MemberSet<>();
    /** Queue subscriptions by queue name; created on the first queue subscription, as most nodes have none. */
    Map<String, MemberSet<S>> queues;

    boolean add(String queue, S subscription) {
        if (queue == null) {
            return plain.add(subscription);
        }
        if (queues == null) {
            queues = new LinkedHashMap<>(4);
        }
        return queues.computeIfAbsent(queue, name -> new MemberSet<>()).add(subscription);
    }

    boolean remove(String queue, S subscription) {
        if (queue == null) {
            return plain.remove(subscription);
        }
        MemberSet<S> members = queues == null ? null : queues.get(queue);
        if (members == null || !members.remove(subscription)) {
            return false;
        }
        if (members.isEmpty()) {
            queues.remove(queue);
            if (queues.isEmpty()) {
                queues = null;
            }
        }
        return true;
    }

    /** Neither subscriptions nor children: the node can be pruned. */
    boolean isEmpty() {
        return plain.isEmpty() && queues == null && (next == null || next.isEmpty());
    }
}
