package io.hermod.consumers.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hermod.consumers.ack.AckStateChanges;
import io.hermod.consumers.state.ConsumerId;
import io.hermod.store.api.GoJson;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;

/**
 * The advisories and metrics nats-server 2.9.10 publishes about consumers, with its subjects and JSON shapes:
 * {@code $JS.EVENT.ADVISORY.CONSUMER.CREATED|DELETED.<stream>.<consumer>} ({@code consumer_action}),
 * {@code $JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED.<stream>.<consumer>} on {@code +TERM} ({@code terminated}),
 * {@code $JS.EVENT.ADVISORY.CONSUMER.MSG_NAKED.<stream>.<consumer>} on {@code -NAK} of a pending message
 * ({@code nak}),
 * {@code $JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.<stream>.<consumer>} ({@code max_deliver}), and
 * {@code $JS.EVENT.METRIC.CONSUMER.ACK.<stream>.<consumer>} for a sample of acknowledgements when the consumer has a
 * {@code sample_freq} ({@code consumer_ack}). Runs on the consumers' worker thread.
 */
final class ConsumerAdvisories implements ConsumerObserver {
    static final String CREATED = "$JS.EVENT.ADVISORY.CONSUMER.CREATED.";
    static final String DELETED = "$JS.EVENT.ADVISORY.CONSUMER.DELETED.";
    static final String TERMINATED = "$JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED.";
    static final String NAKED = "$JS.EVENT.ADVISORY.CONSUMER.MSG_NAKED.";
    static final String ACK_METRIC = "$JS.EVENT.METRIC.CONSUMER.ACK.";
    private static final char[] ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final BiConsumer<String, byte[]> publisher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final IntSupplier percentile;

    /** nats's {@code JSConsumerActionAdvisory}. */
    record Action(@JsonProperty("type") String type, @JsonProperty("id") String id,
                  @JsonProperty("timestamp") Instant timestamp, @JsonProperty("stream") String stream,
                  @JsonProperty("consumer") String consumer, @JsonProperty("action") String action) {
        static final String TYPE = "io.nats.jetstream.advisory.v1.consumer_action";
    }

    /** nats's {@code JSConsumerDeliveryTerminatedAdvisory}. */
    record Terminated(@JsonProperty("type") String type, @JsonProperty("id") String id,
                      @JsonProperty("timestamp") Instant timestamp, @JsonProperty("stream") String stream,
                      @JsonProperty("consumer") String consumer, @JsonProperty("consumer_seq") long consumerSeq,
                      @JsonProperty("stream_seq") long streamSeq, @JsonProperty("deliveries") long deliveries) {
        static final String TYPE = "io.nats.jetstream.advisory.v1.terminated";
    }

    /** nats's {@code JSConsumerDeliveryNakAdvisory}. */
    record Naked(@JsonProperty("type") String type, @JsonProperty("id") String id,
                 @JsonProperty("timestamp") Instant timestamp, @JsonProperty("stream") String stream,
                 @JsonProperty("consumer") String consumer, @JsonProperty("consumer_seq") long consumerSeq,
                 @JsonProperty("stream_seq") long streamSeq, @JsonProperty("deliveries") long deliveries) {
        static final String TYPE = "io.nats.jetstream.advisory.v1.nak";
    }

    /** nats's {@code JSConsumerAckMetric}; {@code ack_time} is nanoseconds from the last delivery to the ack. */
    record AckMetric(@JsonProperty("type") String type, @JsonProperty("id") String id,
                     @JsonProperty("timestamp") Instant timestamp, @JsonProperty("stream") String stream,
                     @JsonProperty("consumer") String consumer, @JsonProperty("consumer_seq") long consumerSeq,
                     @JsonProperty("stream_seq") long streamSeq, @JsonProperty("ack_time") long ackTime,
                     @JsonProperty("deliveries") long deliveries) {
        static final String TYPE = "io.nats.jetstream.metric.v1.consumer_ack";
    }

    /**
     * @param publisher  publishes a payload on a subject
     * @param percentile a uniform draw in [0, 100) for sampling, as Go's {@code rand.Int31n(100)}
     */
    ConsumerAdvisories(BiConsumer<String, byte[]> publisher, Clock clock, IntSupplier percentile) {
        this.publisher = publisher;
        this.clock = clock;
        this.percentile = percentile;
    }

    ConsumerAdvisories(BiConsumer<String, byte[]> publisher, Clock clock) {
        this(publisher, clock, null);
    }

    void created(ConsumerId id) {
        action(CREATED, id, "create");
    }

    void deleted(ConsumerId id) {
        action(DELETED, id, "delete");
    }

    void maxDeliveries(ConsumerId id, long streamSeq, long deliveries) {
        MaxDeliverAdvisory advisory = new MaxDeliverAdvisory(MaxDeliverAdvisory.TYPE, eventId(), clock.instant(),
                id.stream(), id.name(), streamSeq, deliveries);
        publisher.accept(MaxDeliverAdvisory.SUBJECT_PREFIX + suffix(id), GoJson.write(advisory));
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> written(ConsumerCore consumer, AckStateChanges changes) {
        return DONE; // retention's business, not an advisory
    }

    @Override
    public void terminated(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries) {
        ConsumerId id = consumer.id();
        publisher.accept(TERMINATED + suffix(id), GoJson.write(new Terminated(Terminated.TYPE, eventId(),
                clock.instant(), id.stream(), id.name(), consumerSeq, streamSeq, deliveries)));
    }

    @Override
    public void naked(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries) {
        ConsumerId id = consumer.id();
        publisher.accept(NAKED + suffix(id), GoJson.write(new Naked(Naked.TYPE, eventId(), clock.instant(),
                id.stream(), id.name(), consumerSeq, streamSeq, deliveries)));
    }

    @Override
    public void acknowledged(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries,
                             long deliveredNanos) {
        if (!sampled(SampleFrequency.percent(consumer.config().sampleFrequency()))) {
            return;
        }
        ConsumerId id = consumer.id();
        Instant now = clock.instant();
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        publisher.accept(ACK_METRIC + suffix(id), GoJson.write(new AckMetric(AckMetric.TYPE, eventId(), now,
                id.stream(), id.name(), consumerSeq, streamSeq, nowNanos - deliveredNanos, deliveries)));
    }

    /** nats's {@code shouldSample}: never at 0, always from 100, else when a draw in [0, 100) is at most it. */
    private boolean sampled(int frequency) {
        if (frequency <= 0) {
            return false;
        }
        if (frequency >= 100) {
            return true;
        }
        int draw = percentile != null ? percentile.getAsInt() : random.nextInt(100);
        return draw <= frequency;
    }

    private void action(String prefix, ConsumerId id, String action) {
        publisher.accept(prefix + suffix(id), GoJson.write(new Action(Action.TYPE, eventId(), clock.instant(),
                id.stream(), id.name(), action)));
    }

    private static String suffix(ConsumerId id) {
        return id.stream() + "." + id.name();
    }

    /** A random id of nats's NUID length, unique enough for correlating events. */
    private String eventId() {
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }
}
