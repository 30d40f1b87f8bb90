package io.hermod.cli.jetstream;

import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;

/**
 * One flag per stream setting that matters, each left unset unless given, so that {@code add} leaves the rest to
 * the server's defaults and {@code edit} changes only what was named.
 */
public final class StreamConfigFlags {
    @Option(names = "--subjects", split = ",", paramLabel = "SUBJECT",
            description = "Subjects the stream stores, comma separated or repeated (wildcards allowed)")
    List<String> subjects;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the stream is for")
    String description;

    @Option(names = "--retention", paramLabel = "POLICY", converter = PolicyConverters.Retention.class,
            description = "limits, interest or workqueue (work)")
    RetentionPolicy retention;

    @Option(names = "--storage", paramLabel = "TYPE", converter = PolicyConverters.Storage.class,
            description = "file or memory")
    StorageType storage;

    @Option(names = "--max-msgs", paramLabel = "N", description = "Most messages kept (-1: unlimited)")
    Long maxMsgs;

    @Option(names = "--max-bytes", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Most bytes kept, e.g. 1GB (-1: unlimited)")
    Long maxBytes;

    @Option(names = "--max-age", paramLabel = "DURATION", converter = DurationWithDaysConverter.class,
            description = "Oldest message kept, e.g. 7d, 1h30m (0: unlimited)")
    Duration maxAge;

    @Option(names = "--max-msg-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Largest message accepted (-1: unlimited)")
    Long maxMsgSize;

    @Option(names = "--max-msgs-per-subject", paramLabel = "N",
            description = "Most messages kept per subject (-1: unlimited)")
    Long maxMsgsPerSubject;

    @Option(names = "--max-consumers", paramLabel = "N", description = "Most consumers (-1: unlimited)")
    Long maxConsumers;

    @Option(names = "--discard", paramLabel = "POLICY", converter = PolicyConverters.Discard.class,
            description = "When full: old (drop the oldest) or new (refuse the new message)")
    DiscardPolicy discard;

    @Option(names = "--dupe-window", paramLabel = "DURATION", converter = DurationWithDaysConverter.class,
            description = "How long a Nats-Msg-Id is remembered for de-duplication, e.g. 2m")
    Duration dupeWindow;

    @Option(names = "--replicas", paramLabel = "N", description = "Replicas (a single server keeps 1)")
    Integer replicas;

    @Option(names = "--deny-delete", negatable = true, description = "Refuse deleting single messages")
    Boolean denyDelete;

    @Option(names = "--deny-purge", negatable = true, description = "Refuse purging")
    Boolean denyPurge;

    @Option(names = "--allow-rollup", negatable = true, description = "Allow Nats-Rollup headers")
    Boolean allowRollup;

    @Option(names = "--allow-direct", negatable = true, description = "Allow direct get ($JS.API.DIRECT.GET)")
    Boolean allowDirect;

    /** Sets on {@code b} every setting that was given on the command line. */
    public StreamConfiguration.Builder applyTo(StreamConfiguration.Builder b) {
        if (subjects != null) {
            b.subjects(subjects);
        }
        if (description != null) {
            b.description(description);
        }
        if (retention != null) {
            b.retentionPolicy(retention);
        }
        if (storage != null) {
            b.storageType(storage);
        }
        if (maxMsgs != null) {
            b.maxMessages(maxMsgs);
        }
        if (maxBytes != null) {
            b.maxBytes(maxBytes);
        }
        if (maxAge != null) {
            b.maxAge(maxAge);
        }
        if (maxMsgSize != null) {
            b.maxMsgSize(maxMsgSize);
        }
        if (maxMsgsPerSubject != null) {
            b.maxMessagesPerSubject(maxMsgsPerSubject);
        }
        if (maxConsumers != null) {
            b.maxConsumers(maxConsumers);
        }
        if (discard != null) {
            b.discardPolicy(discard);
        }
        if (dupeWindow != null) {
            b.duplicateWindow(dupeWindow);
        }
        if (replicas != null) {
            b.replicas(replicas);
        }
        if (denyDelete != null) {
            b.denyDelete(denyDelete);
        }
        if (denyPurge != null) {
            b.denyPurge(denyPurge);
        }
        if (allowRollup != null) {
            b.allowRollup(allowRollup);
        }
        if (allowDirect != null) {
            b.allowDirect(allowDirect);
        }
        return b;
    }
}
