package io.hermod.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.hermod.core.subject.QueueGroup;
import io.hermod.core.subject.SubjectIndex;
import io.hermod.core.subject.SubjectMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random subscribe / unsubscribe / publish sequences over a three-letter alphabet, so wildcards overlap often,
 * run against the index and against a brute-force list of subscriptions. Every publish is matched twice so the
 * second answer comes from the cache, which must have followed every earlier add and remove.
 */
class SubjectIndexProperties {
    private static final List<String> FILTERS = filters();
    private static final List<String> SUBJECTS = subjects();
    private static final String[] QUEUES = {null, "q1", "q2"};

    /** Each int encodes one operation: its last digit picks the kind, the rest picks the arguments. */
    private static final Gen<List<Integer>> OPERATIONS =
            lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 150);

    @Test
    void matchEqualsBruteForceModelWithRoomyCache() {
        qt().withExamples(1000).forAll(OPERATIONS).checkAssert(ops -> run(SubjectIndex.create(), ops));
    }

    @Test
    void matchEqualsBruteForceModelWhileTinyCacheKeepsEvicting() {
        qt().withExamples(1000).forAll(OPERATIONS).checkAssert(ops -> run(SubjectIndex.create(4), ops));
    }

    private static void run(SubjectIndex<Subscriber> index, List<Integer> operations) {
        List<Subscription> model = new ArrayList<>();
        int nextId = 0;
        for (int op : operations) {
            int kind = op % 10;
            int argument = op / 10;
            if (kind <= 3) {
                String filter = FILTERS.get(argument % FILTERS.size());
                String queue = QUEUES[(argument / FILTERS.size()) % QUEUES.length];
                // Kind 3 reuses a subscriber object on another filter or queue, as identity allows.
                Subscriber subscriber = kind == 3 && !model.isEmpty()
                        ? model.get(argument % model.size()).subscriber
                        : new Subscriber(nextId++);
                Subscription subscription = new Subscription(filter, queue, subscriber);
                if (!model.contains(subscription)) {
                    index.add(filter, queue, subscriber);
                    model.add(subscription);
                }
            } else if (kind <= 5) {
                if (!model.isEmpty()) {
                    Subscription gone = model.remove(argument % model.size());
                    assertTrue(index.remove(gone.filter, gone.queue, gone.subscriber), gone::toString);
                }
            } else {
                String subject = SUBJECTS.get(argument % SUBJECTS.size());
                Outcome expected = Outcome.of(model, subject);
                assertEquals(expected, Outcome.of(index.match(subject)), () -> "first match of " + subject);
                assertEquals(expected, Outcome.of(index.match(subject)), () -> "cached match of " + subject);
            }
            assertEquals(model.size(), index.count());
        }
    }

    /** Token-by-token matching written as plainly as possible, independent of the index's code. */
    static boolean bruteForceMatches(String filter, String subject) {
        String[] f = filter.split("\\.", -1);
        String[] s = subject.split("\\.", -1);
        if (Arrays.asList(s).contains("")) {
            return false;
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals(">")) {
                return s.length > i;
            }
            if (i >= s.length || !(f[i].equals("*") || f[i].equals(s[i]))) {
                return false;
            }
        }
        return f.length == s.length;
    }

    private static List<String> filters() {
        List<String> withStars = combinations(List.of("a", "b", "*"), 3);
        List<String> all = new ArrayList<>(withStars);
        all.add(">");
        for (String prefix : withStars) {
            if (prefix.split("\\.").length < 3) {
                all.add(prefix + ".>");
            }
        }
        return all;
    }

    private static List<String> subjects() {
        List<String> all = combinations(List.of("a", "b", "c"), 3);
        // nats-server delivers a non-pedantic PUB to a wildcard-looking subject as if the token were literal.
        all.add("a.*");
        all.add(">");
        return all;
    }

    /** Every dot-joined sequence of 1..maxTokens tokens from the alphabet. */
    private static List<String> combinations(List<String> alphabet, int maxTokens) {
        List<String> all = new ArrayList<>(alphabet);
        List<String> previous = alphabet;
        for (int length = 2; length <= maxTokens; length++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : previous) {
                for (String token : alphabet) {
                    longer.add(prefix + "." + token);
                }
            }
            all.addAll(longer);
            previous = longer;
        }
        return all;
    }

    /** A subscriber object: the index compares it by identity, the test names it by id. */
    static final class Subscriber {
        final int id;

        Subscriber(int id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return "s" + id;
        }
    }

    record Subscription(String filter, String queue, Subscriber subscriber) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Subscription that
                    && filter.equals(that.filter)
                    && Objects.equals(queue, that.queue)
                    && subscriber == that.subscriber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(filter, queue, System.identityHashCode(subscriber));
        }
    }

    /** A match reduced to sorted subscriber ids, so duplicates count and order does not. */
    record Outcome(List<Integer> plain, Map<String, List<Integer>> groups) {

        static Outcome of(List<Subscription> model, String subject) {
            List<Integer> plain = new ArrayList<>();
            Map<String, List<Integer>> groups = new TreeMap<>();
            for (Subscription subscription : model) {
                if (!bruteForceMatches(subscription.filter, subject)) {
                    continue;
                }
                List<Integer> target = subscription.queue == null
                        ? plain
                        : groups.computeIfAbsent(subscription.queue, name -> new ArrayList<>());
                target.add(subscription.subscriber.id);
            }
            return sorted(plain, groups);
        }

        static Outcome of(SubjectMatch<Subscriber> match) {
            List<Integer> plain = ids(match.plain());
            Map<String, List<Integer>> groups = new TreeMap<>();
            for (QueueGroup<Subscriber> group : match.groups()) {
                assertTrue(!group.members().isEmpty(), "empty group " + group.name());
                assertTrue(groups.put(group.name(), ids(group.members())) == null, "group twice: " + group.name());
            }
            return sorted(plain, groups);
        }

        private static List<Integer> ids(List<Subscriber> subscribers) {
            List<Integer> ids = new ArrayList<>();
            for (Subscriber subscriber : subscribers) {
                ids.add(subscriber.id);
            }
            return ids;
        }

        private static Outcome sorted(List<Integer> plain, Map<String, List<Integer>> groups) {
            plain.sort(null);
            groups.values().forEach(members -> members.sort(null));
            return new Outcome(plain, groups);
        }
    }
}
