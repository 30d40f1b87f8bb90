package io.hermod.core.subject;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The members of one queue group that a subject matched; a message goes to exactly one of them. Immutable.
 *
 * @param <S> the subscription type
 */
public final class QueueGroup<S> {
    private final String name;
    private final List<S> members;

    QueueGroup(String name, List<S> members) {
        this.name = name;
        this.members = members;
    }

    public String name() {
        return name;
    }

    /** At least one member; unmodifiable. */
    public List<S> members() {
        return members;
    }

    /** One member chosen uniformly at random, as nats-server spreads a queue group's messages. */
    public S pickMember() {
        int size = members.size();
        return size == 1 ? members.get(0) : members.get(ThreadLocalRandom.current().nextInt(size));
    }

    @Override
    public String toString() {
        return name + members;
    }
}
