package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ExitCodes;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.ReplayPolicy;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/** One flag per consumer setting that matters, each left unset unless given (see {@link StreamConfigFlags}). */
public final class ConsumerConfigFlags {
    @Option(names = "--filter", paramLabel = "SUBJECT",
            description = "Only messages on this subject (wildcards allowed)")
    String filter;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the consumer is for")
    String description;

    @Option(names = "--deliver", paramLabel = "POLICY",
            description = "Where to start: all, last, new, last-per-subject, a sequence number, or a duration "
                    + "ago (e.g. 1h)")
    String deliver;

    @Option(names = "--ack", paramLabel = "POLICY", converter = PolicyConverters.Ack.class,
            description = "explicit, all or none")
    AckPolicy ack;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationWithDaysConverter.class,
            description = "How long an unacknowledged message waits before it is redelivered (ack_wait), e.g. 30s")
    Duration ackWait;

    @Option(names = "--max-deliver", paramLabel = "N", description = "Most deliveries of one message (-1: no limit)")
    Long maxDeliver;

    @Option(names = "--max-pending", paramLabel = "N", description = "Most messages awaiting acknowledgement")
    Long maxAckPending;

    @Option(names = "--max-waiting", paramLabel = "N", description = "Most pull requests waiting at once")
    Long maxWaiting;

    @Option(names = "--replay", paramLabel = "POLICY", converter = PolicyConverters.Replay.class,
            description = "instant or original")
    ReplayPolicy replay;

    @Option(names = "--backoff", split = ",", paramLabel = "DURATION", converter = DurationWithDaysConverter.class,
            description = "Redelivery delays, comma separated (e.g. 1s,5s,30s)")
    List<Duration> backoff;

    @Option(names = "--inactive-threshold", paramLabel = "DURATION", converter = DurationWithDaysConverter.class,
            description = "Remove the consumer after this long without activity")
    Duration inactiveThreshold;

    @Option(names = "--max-expires", paramLabel = "DURATION", converter = DurationWithDaysConverter.class,
            description = "Longest expiry a pull request may ask for")
    Duration maxExpires;

    @Option(names = "--max-batch", paramLabel = "N", description = "Largest batch a pull request may ask for")
    Long maxBatch;

    @Option(names = "--headers-only", negatable = true, description = "Deliver headers without the bodies")
    Boolean headersOnly;

    @Option(names = "--target", paramLabel = "SUBJECT",
            description = "Deliver subject: makes a push consumer (the default is a pull consumer)")
    String deliverSubject;

    /** Sets on {@code b} every setting that was given on the command line. */
    public ConsumerConfiguration.Builder applyTo(ConsumerConfiguration.Builder b, Clock clock) {
        if (filter != null) {
            b.filterSubject(filter);
        }
        if (description != null) {
            b.description(description);
        }
        if (deliver != null) {
            applyDeliver(b, deliver, clock);
        }
        if (ack != null) {
            b.ackPolicy(ack);
        }
        if (ackWait != null) {
            b.ackWait(ackWait);
        }
        if (maxDeliver != null) {
            b.maxDeliver(maxDeliver);
        }
        if (maxAckPending != null) {
            b.maxAckPending(maxAckPending);
        }
        if (maxWaiting != null) {
            b.maxPullWaiting(maxWaiting);
        }
        if (replay != null) {
            b.replayPolicy(replay);
        }
        if (backoff != null) {
            b.backoff(backoff.toArray(Duration[]::new));
        }
        if (inactiveThreshold != null) {
            b.inactiveThreshold(inactiveThreshold);
        }
        if (maxExpires != null) {
            b.maxExpires(maxExpires);
        }
        if (maxBatch != null) {
            b.maxBatch(maxBatch);
        }
        if (headersOnly != null) {
            b.headersOnly(headersOnly);
        }
        if (deliverSubject != null) {
            b.deliverSubject(deliverSubject);
        }
        return b;
    }

    private static void applyDeliver(ConsumerConfiguration.Builder b, String value, Clock clock) {
        String word = value.trim().toLowerCase(Locale.ROOT);
        switch (word) {
            case "all" -> b.deliverPolicy(DeliverPolicy.All);
            case "last" -> b.deliverPolicy(DeliverPolicy.Last);
            case "new" -> b.deliverPolicy(DeliverPolicy.New);
            case "last-per-subject", "last_per_subject", "subject" -> b.deliverPolicy(DeliverPolicy.LastPerSubject);
            default -> {
                if (word.chars().allMatch(Character::isDigit)) {
                    b.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(Long.parseLong(word));
                    return;
                }
                Duration ago;
                try {
                    ago = DurationWithDaysConverter.parse(word);
                } catch (TypeConversionException e) {
                    throw new CommandFailure(ExitCodes.USAGE, "--deliver: '" + value
                            + "' is not all, last, new, last-per-subject, a sequence or a duration");
                }
                b.deliverPolicy(DeliverPolicy.ByStartTime)
                        .startTime(ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).minus(ago));
            }
        }
    }
}
