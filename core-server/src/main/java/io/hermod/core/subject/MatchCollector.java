package io.hermod.core.subject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Gathers the subscriptions of the nodes one trie walk reaches into an immutable {@link SubjectMatch}. */
final class MatchCollector<S> {
    private ArrayList<S> plain;
    private ArrayList<String> groupNames;
    private ArrayList<ArrayList<S>> groupMembers;
    /** Whether the walk looked the subject's last token up among literal tokens (so the match depends on it). */
    private boolean lastTokenLookedUp;

    void markLastTokenLookedUp() {
        lastTokenLookedUp = true;
    }

    boolean lastTokenLookedUp() {
        return lastTokenLookedUp;
    }

    void addNode(TrieNode<S> node) {
        if (!node.plain.isEmpty()) {
            if (plain == null) {
                plain = new ArrayList<>();
            }
            node.plain.copyTo(plain);
        }
        if (node.queues != null) {
            for (Map.Entry<String, MemberSet<S>> queue : node.queues.entrySet()) {
                queue.getValue().copyTo(membersOf(queue.getKey()));
            }
        }
    }

    /** Groups are few per match, so a linear search beats hashing (nats-server's findQSlot does the same). */
    private List<S> membersOf(String queue) {
        if (groupNames == null) {
            groupNames = new ArrayList<>(2);
            groupMembers = new ArrayList<>(2);
        }
        int index = groupNames.indexOf(queue);
        if (index >= 0) {
            return groupMembers.get(index);
        }
        ArrayList<S> members = new ArrayList<>();
        groupNames.add(queue);
        groupMembers.add(members);
        return members;
    }

    SubjectMatch<S> toMatch() {
        if (plain == null && groupNames == null) {
            return SubjectMatch.empty();
        }
        List<S> plainView = plain == null ? List.of() : Collections.unmodifiableList(plain);
        List<QueueGroup<S>> groups;
        if (groupNames == null) {
            groups = List.of();
        } else {
            ArrayList<QueueGroup<S>> built = new ArrayList<>(groupNames.size());
            for (int i = 0; i < groupNames.size(); i++) {
                built.add(new QueueGroup<>(groupNames.get(i), Collections.unmodifiableList(groupMembers.get(i))));
            }
            groups = Collections.unmodifiableList(built);
        }
        return new SubjectMatch<>(plainView, groups);
    }
}
