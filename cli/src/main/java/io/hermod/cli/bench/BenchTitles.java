package io.hermod.cli.bench;

import java.util.Locale;

/** The first line of each human summary, naming what was measured. */
final class BenchTitles {
    private BenchTitles() {
    }

    static String pubSub(String kind, BenchSettings s) {
        String shape = s.queue() ? "queue group of " + s.subscribers() : s.subscribers() + " sub";
        return String.format(Locale.ROOT, "%s benchmark [%s, subject=%s, msgs=%,d, size=%,d B, pubs=%d, %s]",
                kind, s.endpoint().url(), s.subject(), s.messages(), s.messageSize(), s.publishers(), shape);
    }
}
