package io.hermod.consumers.engine;

import io.hermod.consumers.ack.AckMessage;
import io.hermod.consumers.ack.AckReplySubject;
import io.hermod.consumers.ack.MaxDeliveriesExceeded;
import io.hermod.consumers.api.ConsumerInfo;
import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.consumers.config.ReplayPolicy;
import io.hermod.consumers.state.ConsumerId;
import io.hermod.consumers.state.ConsumerRecord;
import io.hermod.consumers.state.ConsumerStateStore;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamStore;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One push consumer: delivers to its {@code deliver_subject} (to one member of {@code deliver_group} when set) with
 * the ack subject as reply, while the subject has interest, as nats-server 2.9.10 does: delivery pauses without
 * interest and resumes when a subscriber appears; {@code max_ack_pending}, {@code rate_limit_bps},
 * {@code replay_policy: original} and flow control ({@link FlowControlWindow}) hold it back; idle heartbeats go out
 * after {@code idle_heartbeat} without a delivery. Acknowledgement state and its persistence are the
 * {@link ConsumerCore}'s, as for pull consumers.
 *
 * <p>Not thread-safe: it belongs to the {@link ConsumerService}'s worker thread.
 */
final class PushConsumer implements Consumer {
    /** Reply subjects of flow control requests: {@code $JS.FC.<stream>.<consumer>.<random>}. */
    static final String FLOW_CONTROL_PREFIX = "$JS.FC.";
    /** nats-server's default max payload: the rate limiter's burst. */
    private static final int RATE_LIMIT_BURST = 1024 * 1024;
    /** Deliveries per turn of the worker, so that one consumer catching up does not hold up the others. */
    private static final int TURN = 512;
    private static final char[] DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final ConsumerCore core;
    private final Outbox outbox;
    private FlowControlWindow flow;
    private DeliveryRateLimit rate;
    private ReplayPacer replay;
    /** Whether the deliver subject has interest (nats's {@code active}, {@code push_bound} in info). */
    private boolean active;
    private long inactiveSinceNanos;
    private long nextHeartbeatNanos;
    private boolean pumpQueued;
    private boolean closed;

    /** Where a push consumer's messages and statuses go, and how it learns about interest. */
    interface Outbox extends PullConsumer.Outbox {
        /** Whether queue group {@code queue} subscribes to {@code subject}. */
        boolean hasQueueInterest(String subject, String queue);

        /** Runs {@code task} on the worker thread after what is queued there now. */
        void later(Runnable task);
    }

    private PushConsumer(ConsumerCore core, Outbox outbox) {
        this.core = core;
        this.outbox = outbox;
        long now = core.nowNanos();
        configure(core.config(), now);
        this.active = interest();
        this.inactiveSinceNanos = now;
        this.nextHeartbeatNanos = now + core.config().idleHeartbeatNanos();
        queuePump();
    }

    /** A new consumer, starting where its deliver policy says; its configuration is saved first. */
    static PushConsumer create(ConsumerRecord record, ConsumerStateStore store, StreamStore streamStore,
                               Supplier<Optional<StreamStore>> stream, Outbox outbox, java.time.Clock clock) {
        return new PushConsumer(ConsumerCore.create(record, store, streamStore, stream, clock), outbox);
    }

    /** A consumer read back from its store: its pending messages are due for redelivery. */
    static PushConsumer restore(ConsumerRecord record, ConsumerStateStore store, StreamStore streamStore,
                                Supplier<Optional<StreamStore>> stream, Outbox outbox, java.time.Clock clock) {
        return new PushConsumer(ConsumerCore.restore(record, store, streamStore, stream, clock), outbox);
    }

    private void configure(ConsumerConfig config, long now) {
        if (config.flowControl() && flow == null) {
            flow = new FlowControlWindow();
        }
        rate = config.rateLimitBps() > 0 ? new DeliveryRateLimit(config.rateLimitBps(), RATE_LIMIT_BURST, now) : null;
        replay = config.replayPolicy() == ReplayPolicy.ORIGINAL ? new ReplayPacer() : null;
    }

    @Override
    public ConsumerId id() {
        return core.id();
    }

    @Override
    public ConsumerConfig config() {
        return core.config();
    }

    @Override
    public ConsumerCore core() {
        return core;
    }

    /**
     * Applies an accepted update. A new deliver subject makes every pending message due for redelivery there, as
     * nats's {@code updateDeliverSubject} does.
     */
    @Override
    public void update(ConsumerConfig config) {
        boolean newSubject = !config.deliverSubject().equals(core.config().deliverSubject());
        core.update(config);
        configure(config, core.nowNanos());
        if (newSubject) {
            core.redeliverAllPending();
        }
        refreshInterest(core.nowNanos());
        queuePump();
    }

    @Override
    public ConsumerInfo info() {
        refreshInterest(core.nowNanos());
        return core.info(0, active);
    }

    @Override
    public void onAck(AckReplySubject subject, byte[] body, String reply) {
        ConsumerCore.AckOutcome outcome = core.onAck(subject, body);
        if (reply != null && !reply.isEmpty()) {
            if (outcome.message() instanceof AckMessage.AckNext) {
                // nats-server's processNextMsgReq on a push consumer
                status(reply, "NATS/1.0 409 Consumer is push based\r\n\r\n");
            } else {
                // answered once retention's removals are durable (at once otherwise), as nats-server answers after them
                outcome.settled().thenRun(() -> outbox.send(reply, reply, null, null, new byte[0]));
            }
        }
    }

    @Override
    public void afterAcks() {
        pump();
    }

    @Override
    public void onStored() {
        pump();
    }

    /** A message on a flow control reply subject of this consumer: the client's answer. */
    void onFlowControl(String subject) {
        if (flow != null && flow.answered(subject)) {
            pump();
        }
    }

    @Override
    public List<MaxDeliveriesExceeded> tick() {
        long now = core.nowNanos();
        refreshInterest(now);
        List<MaxDeliveriesExceeded> exceeded = core.expireOverdue(now);
        pump(); // first: a heartbeat goes out only when there was nothing to deliver, as in nats's delivery loop
        long heartbeat = core.config().idleHeartbeatNanos();
        if (heartbeat > 0 && now >= nextHeartbeatNanos) {
            if (active) {
                sendHeartbeat();
            }
            nextHeartbeatNanos = now + heartbeat;
        }
        return exceeded;
    }

    /** Whether the deliver subject has been without interest for longer than the inactive threshold. */
    @Override
    public boolean inactive() {
        long threshold = core.config().inactiveThresholdNanos();
        return threshold > 0 && !active && core.nowNanos() - inactiveSinceNanos > threshold;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Whether the deliver subject has interest now: any subscriber, or a member of the deliver group. */
    private boolean interest() {
        ConsumerConfig c = core.config();
        return c.deliverGroup().isEmpty()
                ? outbox.hasInterest(c.deliverSubject())
                : outbox.hasQueueInterest(c.deliverSubject(), c.deliverGroup());
    }

    private void refreshInterest(long now) {
        boolean interest = interest();
        if (interest == active) {
            return;
        }
        active = interest;
        if (!interest) {
            inactiveSinceNanos = now;
        } else {
            queuePump();
        }
    }

    private void queuePump() {
        if (!pumpQueued) {
            pumpQueued = true;
            outbox.later(() -> {
                pumpQueued = false;
                pump();
            });
        }
    }

    /** Delivers what there is to deliver, as far as interest, acks pending, rate, replay and flow control let it. */
    private void pump() {
        if (closed) {
            return;
        }
        long now = core.nowNanos();
        refreshInterest(now);
        if (!active || flow != null && flow.stalled()) {
            return;
        }
        Optional<StreamStore> found = core.stream();
        if (found.isEmpty()) {
            return;
        }
        StreamStore messages = found.get();
        ConsumerConfig c = core.config();
        String deliver = c.deliverSubject();
        ConsumerCore.PendingCount pending = core.pendingCount();
        try {
            for (int sent = 0; ; sent++) {
                if (sent == TURN) {
                    queuePump();
                    return;
                }
                Optional<StoredMessage> next = core.next(messages);
                if (next.isEmpty()) {
                    return;
                }
                StoredMessage m = next.get();
                if (replay != null && !replay.due(m.timestampNanos(), now)) {
                    return;
                }
                byte[] headers = m.headers();
                byte[] payload = m.payload();
                if (c.headersOnly()) {
                    headers = HeadersOnly.headers(headers, payload.length);
                    payload = new byte[0];
                }
                if (rate != null && !rate.take(headers.length + payload.length, now)) {
                    return;
                }
                String ackSubject = core.recordDelivery(m, pending);
                outbox.send(deliver, m.subject(), ackSubject, headers.length == 0 ? null : headers, payload);
                nextHeartbeatNanos = now + c.idleHeartbeatNanos();
                if (replay != null) {
                    replay.delivered(m.timestampNanos(), now);
                }
                if (flow != null) {
                    int size = deliver.length() + ackSubject.length() + headers.length + payload.length;
                    if (flow.onDelivered(size)) {
                        sendFlowControl();
                    }
                    if (flow.stalled()) {
                        return;
                    }
                }
            }
        } finally {
            core.persist();
        }
    }

    /** nats-server's {@code sendFlowControl}: a status with a fresh reply subject the client answers. */
    private void sendFlowControl() {
        ConsumerId id = core.id();
        StringBuilder reply = new StringBuilder(FLOW_CONTROL_PREFIX).append(id.stream()).append('.')
                .append(id.name()).append('.');
        long random = ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        for (int i = 0; i < 4; i++) {
            reply.append(DIGITS[(int) (random % DIGITS.length)]);
            random /= DIGITS.length;
        }
        flow.requested(reply.toString());
        String deliver = core.config().deliverSubject();
        outbox.send(deliver, deliver, reply.toString(),
                "NATS/1.0 100 FlowControl Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    /** nats-server's {@code sendIdleHeartbeat}: the last sequences delivered, and the flow control it waits for. */
    private void sendHeartbeat() {
        var last = core.delivered();
        StringBuilder h = new StringBuilder("NATS/1.0 100 Idle Heartbeat\r\nNats-Last-Consumer: ")
                .append(last.consumerSeq()).append("\r\nNats-Last-Stream: ").append(last.streamSeq()).append("\r\n");
        if (flow != null && flow.outstanding() != null) {
            h.append("Nats-Consumer-Stalled: ").append(flow.outstanding()).append("\r\n");
        }
        h.append("\r\n");
        status(core.config().deliverSubject(), h.toString());
    }

    private void status(String subject, String headers) {
        outbox.send(subject, subject, null, headers.getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }
}
