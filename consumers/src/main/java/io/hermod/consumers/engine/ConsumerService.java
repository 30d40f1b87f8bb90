package io.hermod.consumers.engine;

import io.hermod.consumers.api.ConsumerInfo;
import io.hermod.core.monitor.JetStreamReport;
import io.hermod.consumers.ack.AckReplySubject;
import io.hermod.consumers.ack.MaxDeliveriesExceeded;
import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.consumers.state.ConsumerId;
import io.hermod.consumers.state.ConsumerRecord;
import io.hermod.consumers.state.ConsumerStateStore;
import io.hermod.consumers.state.MemoryConsumerStateStore;
import io.hermod.consumers.state.RocksConsumerStateStore;
import io.hermod.core.client.InProcessConnection;
import io.hermod.core.client.Message;
import io.hermod.core.routing.Subscription;
import io.hermod.core.server.HermodServer;
import io.hermod.store.StorageType;
import io.hermod.store.StreamStore;
import io.hermod.store.api.GoJson;
import io.hermod.store.api.StreamConfig;
import io.hermod.store.engine.JetStreamService;
import io.hermod.store.engine.StreamEvents;
import io.hermod.store.file.StoreDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JetStream consumers inside a Hermod server, beside a {@link JetStreamService}: serves {@code $JS.API.CONSUMER.*}
 * (administration and {@code MSG.NEXT} pull requests), each consumer's ack subjects and the flow control answers
 * of push consumers ({@code $JS.FC.>}), delivers as messages are stored (to pull requests, or to push consumers'
 * deliver subjects), redelivers after {@code ack_wait}, and keeps durable consumers (configuration and acknowledgement
 * state) in the store's RocksDB, from which {@link #start} restores them.
 *
 * <p>Threads: everything a consumer does runs on one worker thread, {@code hermod-consumers}; the in-process
 * subscriptions and stream events only hand work to it. Its timer runs every {@link #TICK}. Close it before the
 * {@link JetStreamService}. Thread-safe.
 */
public final class ConsumerService implements AutoCloseable {
    /** How often ack deadlines, request expiry, heartbeats and inactivity are checked. */
    public static final Duration TICK = Duration.ofMillis(20);
    /** How long a metrics scrape waits for the consumers' figures. */
    private static final Duration FIGURES_WAIT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(ConsumerService.class);
    private static final int ACKS_PER_TASK = 1024;
    private static final String API_PREFIX = "$JS.API.CONSUMER.";
    private static final String NEXT_PREFIX = API_PREFIX + "MSG.NEXT.";
    private static final char[] ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final JetStreamService jetStream;
    private final InProcessConnection connection;
    private final ScheduledExecutorService worker;
    private final ConsumerStateStore durableStore;
    private final ConsumerStateStore memoryStore = new MemoryConsumerStateStore();
    private final Clock clock = Clock.systemUTC();
    private final ConsumerApi api;
    /** Stream → consumer name → consumer; changed on the worker only, counted from any thread. */
    private final Map<String, ConcurrentSkipListMap<String, Consumer>> streams = new ConcurrentHashMap<>();
    private final Set<String> storedIn = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean storedScheduled = new AtomicBoolean();
    /** Acks received and not yet applied: one worker task applies all that came meanwhile. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Message> acks =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicBoolean acksScheduled = new AtomicBoolean();
    private final SecureRandom random = new SecureRandom();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final AckSubscriptions ackSubscriptions;
    /** A worker task's sends wait until the task has written the consumer state that records them. */
    private final HeldSends held = new HeldSends(this::send);
    private final StreamInterest interest = new StreamInterest();
    private final RetentionTracker retention;
    private final ConsumerAdvisories advisories;
    private final StreamRemovals removals;
    private final ConsumerObserver observer;
    private boolean closed;

    private ConsumerService(HermodServer server, JetStreamService jetStream) {
        this.jetStream = jetStream;
        this.connection = server.connectInProcess("jetstream-consumers");
        this.ackSubscriptions = new AckSubscriptions(connection, this::onAck);
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "hermod-consumers");
            t.setDaemon(true);
            return t;
        });
        this.durableStore = new RocksConsumerStateStore(jetStream.storeDirectory().keyValueStorage());
        this.api = new ConsumerApi(new Admin(), jetStream::countApiRequest);
        this.retention = new RetentionTracker(this::cores, jetStream::streamStore, this::streamConfig);
        this.advisories = new ConsumerAdvisories((subject, payload) -> connection.publish(subject, null, null, payload),
                clock);
        this.removals = new StreamRemovals(retention, advisories);
        this.observer = ConsumerObserver.both(new RetentionObserver(retention), advisories);
    }

    /** Restores the stored consumers of every stream and starts serving; {@code jetStream} must be running. */
    public static ConsumerService start(HermodServer server, JetStreamService jetStream) {
        ConsumerService service = new ConsumerService(server, jetStream);
        try {
            service.onWorker(service::restore).get();
            service.subscriptions.add(service.connection.subscribe(API_PREFIX + ">", null, service::onApi));
            service.subscriptions.add(service.connection.subscribe(PushConsumer.FLOW_CONTROL_PREFIX + ">", null,
                    service::onFlowControl));
            jetStream.streamEvents(service.new Events());
            jetStream.consumerCounts(service::count);
            jetStream.consumerFigures(service::figures);
            jetStream.consumerDetails(service::details);
            long tick = TICK.toMillis();
            service.worker.scheduleWithFixedDelay(() -> service.asTask(service::tick), tick, tick,
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            service.close();
            throw new IllegalStateException("interrupted while restoring consumers", e);
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            service.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return service;
    }

    /** The number of consumers of a stream (for stream info, account info and {@code /jsz}). */
    public int count(String stream) {
        Map<String, Consumer> of = streams.get(stream);
        return of == null ? 0 : of.size();
    }

    /**
     * Every consumer's info as metrics figures, gathered on the worker thread (consumers are not thread-safe);
     * none when the worker does not answer within {@link #FIGURES_WAIT}, so a scrape never hangs.
     */
    public List<JetStreamReport.ConsumerFigures> figures() {
        return gathered("consumer figures", () -> {
            List<JetStreamReport.ConsumerFigures> out = new java.util.ArrayList<>();
            for (Map<String, Consumer> of : streams.values()) {
                for (Consumer consumer : of.values()) {
                    ConsumerInfo info = consumer.info();
                    out.add(new JetStreamReport.ConsumerFigures(info.streamName(), info.name(),
                            info.numPending(), info.numAckPending(), info.numRedelivered(), info.numWaiting(),
                            info.delivered().streamSeq(), info.ackFloor().streamSeq()));
                }
            }
            return out;
        });
    }

    /**
     * The infos of a stream's consumers in name order for {@code /jsz?consumers=true}, without their configuration
     * unless {@code withConfig}, as nats-server lists them; gathered as {@link #figures} are.
     */
    public List<ConsumerInfo> details(String stream, boolean withConfig) {
        return gathered("consumer details", () -> of(stream).stream()
                .map(Consumer::info)
                .map(info -> withConfig ? info : info.withoutConfig())
                .toList());
    }

    /** {@code gather}'s answer from the worker thread, or nothing after {@link #FIGURES_WAIT}. */
    private <T> List<T> gathered(String what, java.util.function.Supplier<List<T>> gather) {
        java.util.concurrent.CompletableFuture<List<T>> result = new java.util.concurrent.CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    result.complete(gather.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            return result.get(FIGURES_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.RejectedExecutionException e) {
            log.debug("{} not gathered: {}", what, e.toString());
            return List.of();
        }
    }

    private java.util.concurrent.Future<?> onWorker(Runnable task) {
        return worker.submit(() -> {
            try {
                asTask(task);
            } catch (RuntimeException e) {
                log.warn("consumer task failed", e);
            }
        });
    }

    private void restore() {
        StoreDirectory directory = jetStream.storeDirectory();
        int restored = 0;
        for (StoreDirectory.StoredStream stored : directory.storedStreams()) {
            String stream = stored.config().name();
            Optional<StreamStore> store = jetStream.streamStore(stream);
            if (store.isEmpty()) {
                continue;
            }
            for (ConsumerRecord record : durableStore.consumers(stream)) {
                Consumer consumer = record.config().isPull()
                        ? PullConsumer.restore(record, durableStore, store.get(), streamStore(stream), outbox, clock)
                        : PushConsumer.restore(record, durableStore, store.get(), streamStore(stream), outbox, clock);
                streams.computeIfAbsent(stream, s -> new ConcurrentSkipListMap<>()).put(record.id().name(), consumer);
                follow(consumer);
                restored++;
            }
            retention.reconcile(stream);
        }
        interest.update(streams);
        if (restored > 0) {
            log.info("restored {} consumer(s)", restored);
        }
    }

    private final PushConsumer.Outbox outbox = new PushConsumer.Outbox() {
        @Override
        public void send(String destination, String subject, String replyTo, byte[] headers, byte[] payload) {
            held.send(destination, subject, replyTo, headers, payload);
        }

        @Override
        public void release() {
            durableStore.flushGroup(); // the state recording the held sends is written first
            held.release();
            connection.flushBatch();
        }

        @Override
        public boolean hasInterest(String subject) {
            return connection.hasInterest(subject);
        }

        @Override
        public boolean hasQueueInterest(String subject, String queue) {
            return connection.hasQueueInterest(subject, queue);
        }

        @Override
        public void later(Runnable task) {
            execute(task);
        }
    };

    private java.util.function.Supplier<Optional<StreamStore>> streamStore(String stream) {
        return () -> jetStream.streamStore(stream);
    }

    private void send(String destination, String subject, String replyTo, byte[] headers, byte[] payload) {
        try {
            connection.send(destination, subject, replyTo, headers, payload);
        } catch (IllegalArgumentException e) {
            log.debug("cannot deliver to {}: {}", destination, e.getMessage());
        }
    }

    private void onApi(Message m) {
        execute(() -> serveApi(m));
    }

    private void onAck(Message m) {
        acks.add(m);
        if (acksScheduled.compareAndSet(false, true)) {
            execute(this::drainAcks);
        }
    }

    /**
     * Applies the queued acks, at most {@link #ACKS_PER_TASK} so other tasks get their turn. An ack may thus be
     * applied before a task queued after it arrived, never after one queued before.
     */
    private void drainAcks() {
        acksScheduled.set(false); // first: an ack queued from now on schedules a drain of its own if needed
        Set<Consumer> acked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        try {
            for (int i = 0; i < ACKS_PER_TASK; i++) {
                Message m = acks.poll();
                if (m == null) {
                    return;
                }
                try {
                    serveAck(m).ifPresent(acked::add);
                } catch (RuntimeException e) {
                    log.warn("ack on {} failed", m.subject(), e);
                }
            }
            if (!acks.isEmpty() && acksScheduled.compareAndSet(false, true)) {
                execute(this::drainAcks);
            }
        } finally {
            for (Consumer consumer : acked) {
                if (find(consumer.id().stream(), consumer.id().name()).orElse(null) == consumer) {
                    consumer.afterAcks();
                }
            }
        }
    }

    /**
     * Runs a worker task: its state writes go to RocksDB together when it ends (a write group), its sends go out
     * after them (see {@link HeldSends}), and reach each socket receiver in one flush.
     */
    private void asTask(Runnable task) {
        connection.batched(() -> held.run(() -> {
            durableStore.beginGroup();
            try {
                task.run();
            } finally {
                durableStore.endGroup();
            }
        }));
    }

    private void execute(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    asTask(task);
                } catch (RuntimeException e) {
                    log.warn("consumer task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("consumers closing: task dropped");
        }
    }

    private void serveApi(Message m) {
        String subject = m.subject();
        if (subject.startsWith(NEXT_PREFIX)) {
            String[] names = subject.substring(NEXT_PREFIX.length()).split("\\.", -1);
            if (names.length == 2) {
                find(names[0], names[1]).ifPresent(c -> nextRequest(c, m));
            }
            return;
        }
        String[] tokens = subject.substring("$JS.API.".length()).split("\\.", -1);
        Optional<byte[]> reply = api.handle(tokens, m.payload());
        interest.update(streams); // an update may have changed a filter
        if (reply.isPresent() && m.replyTo() != null && !m.replyTo().isEmpty()) {
            connection.publish(m.replyTo(), null, null, reply.get());
        }
    }

    private void nextRequest(Consumer consumer, Message m) {
        if (consumer instanceof PullConsumer pull) {
            pull.request(m.replyTo(), m.payload());
        } else if (m.replyTo() != null && !m.replyTo().isEmpty()) {
            // nats-server's processNextMsgReq answers a pull request to a push consumer so
            send(m.replyTo(), m.replyTo(), null,
                    "NATS/1.0 409 Consumer is push based\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    new byte[0]);
        }
    }

    private void onFlowControl(Message m) {
        execute(() -> {
            String[] tokens = m.subject().split("\\.", -1);
            if (tokens.length == 5 && find(tokens[2], tokens[3]).orElse(null) instanceof PushConsumer push) {
                push.onFlowControl(m.subject());
            }
        });
    }

    /** Applies an ack; returns the consumer it was for, if it still exists. */
    private Optional<Consumer> serveAck(Message m) {
        Optional<AckReplySubject> parsed = AckReplySubject.parse(m.subject());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        AckReplySubject ack = parsed.get();
        Optional<Consumer> consumer = find(ack.stream(), ack.consumer());
        consumer.ifPresent(c -> c.onAck(ack, m.payload(), m.replyTo()));
        return consumer;
    }

    private void tick() {
        try {
            for (Map<String, Consumer> of : streams.values()) {
                for (Consumer consumer : List.copyOf(of.values())) {
                    for (MaxDeliveriesExceeded exceeded : consumer.tick()) {
                        advise(consumer.id(), exceeded);
                    }
                    if (consumer.inactive()) {
                        log.debug("consumer {} inactive: deleted", consumer.id());
                        delete(consumer.id().stream(), consumer.id().name());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("consumer timer failed", e);
        }
    }

    private void advise(ConsumerId id, MaxDeliveriesExceeded exceeded) {
        MaxDeliverAdvisory advisory = new MaxDeliverAdvisory(MaxDeliverAdvisory.TYPE, eventId(), clock.instant(),
                id.stream(), id.name(), exceeded.streamSeq(), exceeded.deliveries());
        String subject = MaxDeliverAdvisory.SUBJECT_PREFIX + id.stream() + "." + id.name();
        connection.publish(subject, null, null, GoJson.write(advisory));
    }

    private String eventId() {
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    private void drainStored() {
        storedScheduled.set(false);
        for (String stream : List.copyOf(storedIn)) {
            storedIn.remove(stream);
            Map<String, Consumer> of = streams.get(stream);
            if (of != null) {
                for (Consumer consumer : List.copyOf(of.values())) {
                    consumer.onStored();
                }
            }
        }
    }

    private Optional<StreamConfig> streamConfig(String stream) {
        return jetStream.streamConfig(stream);
    }

    private Optional<Consumer> find(String stream, String name) {
        Map<String, Consumer> of = streams.get(stream);
        return of == null ? Optional.empty() : Optional.ofNullable(of.get(name));
    }

    private List<Consumer> of(String stream) {
        Map<String, Consumer> of = streams.get(stream);
        return of == null ? List.of() : List.copyOf(of.values());
    }

    /** The shared parts of a stream's consumers, as retention sees them. */
    private List<ConsumerCore> cores(String stream) {
        return of(stream).stream().map(Consumer::core).toList();
    }

    private Consumer create(String stream, String name, ConsumerConfig config, StreamConfig streamConfig) {
        StreamStore store = jetStream.streamStore(stream).orElseThrow(
                io.hermod.store.api.JsApiError.STREAM_NOT_FOUND::exception);
        // Ephemerals of a file stream are stored too: nats-server 2.9.10 restores them after a restart.
        boolean memory = config.memStorage() || store.config().storage() == StorageType.MEMORY;
        ConsumerRecord record = new ConsumerRecord(new ConsumerId(stream, name), config, Instant.now(clock));
        ConsumerStateStore stateStore = memory ? memoryStore : durableStore;
        Consumer consumer = config.isPull()
                ? PullConsumer.create(record, stateStore, store, streamStore(stream), outbox, clock)
                : PushConsumer.create(record, stateStore, store, streamStore(stream), outbox, clock);
        streams.computeIfAbsent(stream, s -> new ConcurrentSkipListMap<>()).put(name, consumer);
        follow(consumer);
        interest.update(streams);
        advisories.created(consumer.id());
        // A message stored before the put woke nobody (Events.stored skips consumerless streams); after the reply,
        // as nats-server delivers after answering the create.
        execute(() -> {
            if (find(stream, name).orElse(null) == consumer) {
                consumer.onStored();
            }
        });
        return consumer;
    }

    /** Its acks are heard, and retention and advisories learn of them, from now on. */
    private void follow(Consumer consumer) {
        consumer.core().observe(observer);
        retention.follow(consumer.core());
        ackSubscriptions.add(consumer.id());
    }

    private boolean delete(String stream, String name) {
        Map<String, Consumer> of = streams.get(stream);
        Consumer consumer = of == null ? null : of.remove(name);
        if (consumer == null) {
            return false;
        }
        consumer.close();
        ConsumerId id = consumer.id();
        ackSubscriptions.remove(id);
        memoryStore.delete(id);
        durableStore.delete(id);
        interest.update(streams);
        retention.deleted(consumer.core());
        if (jetStream.streamStore(stream).isPresent()) {
            advisories.deleted(id); // not when the stream itself went, as nats-server 2.9.10
        }
        return true;
    }

    private void streamDeleted(String stream) {
        for (Consumer consumer : of(stream)) {
            delete(stream, consumer.id().name());
        }
        for (ConsumerRecord stored : durableStore.consumers(stream)) {
            durableStore.delete(stored.id());
        }
        streams.remove(stream);
        interest.update(streams);
    }

    /** Stops serving and the worker; state already written stays in the store. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        jetStream.streamEvents(null);
        jetStream.consumerCounts(stream -> 0);
        jetStream.consumerFigures(List::of);
        jetStream.consumerDetails((stream, withConfig) -> List.of());
        for (Subscription sub : subscriptions) {
            connection.unsubscribe(sub);
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
        connection.close();
    }

    /** Stream events, handed to the worker; stored messages coalesced per stream. */
    private final class Events implements StreamEvents {
        @Override
        public void stored(String stream, long seq) {
            Map<String, Consumer> of = streams.get(stream);
            if (of == null || of.isEmpty()) {
                return; // nobody to wake: a consumer created later starts from the stream as it is then
            }
            storedIn.add(stream);
            if (storedScheduled.compareAndSet(false, true)) {
                execute(ConsumerService.this::drainStored);
            }
        }

        @Override
        public void deleted(String stream) {
            execute(() -> streamDeleted(stream));
        }

        @Override
        public boolean interested(String stream, String subject) {
            return interest.interested(stream, subject);
        }

        @Override
        public void messageDeleted(String stream, long seq) {
            execute(() -> removals.messageDeleted(seq, of(stream)));
        }

        @Override
        public void removedByLimits(String stream, long[] seqs) {
            execute(() -> {
                List<Consumer> of = of(stream);
                for (long seq : seqs) {
                    removals.messageDeleted(seq, of); // nats's decStreamPending: +TERM where it was pending
                }
            });
        }

        @Override
        public void purged(String stream, io.hermod.store.PurgeRequest request) {
            execute(() -> jetStream.streamStore(stream).ifPresent(store -> removals.purged(store, request,
                    of(stream))));
        }
    }

    /** The consumers as {@link ConsumerApi} sees them. */
    private final class Admin implements ApiConsumers {
        @Override
        public Optional<StreamConfig> streamConfig(String stream) {
            return ConsumerService.this.streamConfig(stream);
        }

        @Override
        public Optional<Consumer> find(String stream, String name) {
            return ConsumerService.this.find(stream, name);
        }

        @Override
        public List<Consumer> of(String stream) {
            return ConsumerService.this.of(stream);
        }

        @Override
        public Consumer create(String stream, String name, ConsumerConfig config, StreamConfig streamConfig) {
            return ConsumerService.this.create(stream, name, config, streamConfig);
        }

        @Override
        public boolean delete(String stream, String name) {
            return ConsumerService.this.delete(stream, name);
        }
    }
}
