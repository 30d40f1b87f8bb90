package io.hermod.core.subject;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The subscriptions of one trie node (plain, or one queue name): identity set semantics with O(1) add and
 * remove, and an array-backed list so that copying into a match result is a plain loop. Not thread-safe.
 */
final class MemberSet<S> {
    private final ArrayList<S> members = new ArrayList<>(2);
    private final IdentityHashMap<S, Integer> positions = new IdentityHashMap<>(4);

    boolean add(S member) {
        if (positions.containsKey(member)) {
            return false;
        }
        positions.put(member, members.size());
        members.add(member);
        return true;
    }

    /** Removes by swapping the last member into the freed position. */
    boolean remove(S member) {
        Integer position = positions.remove(member);
        if (position == null) {
            return false;
        }
        int last = members.size() - 1;
        S moved = members.remove(last);
        if (position != last) {
            members.set(position, moved);
            positions.put(moved, position);
        }
        return true;
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    int size() {
        return members.size();
    }

    void copyTo(List<S> target) {
        for (int i = 0, n = members.size(); i < n; i++) {
            target.add(members.get(i));
        }
    }
}
