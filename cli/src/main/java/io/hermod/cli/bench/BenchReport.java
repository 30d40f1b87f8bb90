package io.hermod.cli.bench;

/** The outcome of one benchmark: a human summary and the figures behind it. */
interface BenchReport {
    String text();

    Figures figures();

    /** Messages the server delivered to subscribers, for CPU-seconds per million; 0 if none were routed. */
    long messagesRouted();

    /** Whether the run completed as asked (no missing messages, no failed clients). */
    boolean complete();
}
