package io.hermod.store.engine;

import io.hermod.core.client.InProcessConnection;
import io.hermod.core.client.Message;
import io.hermod.core.routing.Subscription;
import io.hermod.core.monitor.JetStreamReport;
import io.hermod.core.monitor.JetStreamReporter;
import io.hermod.core.server.HermodServer;
import io.hermod.store.StorageType;
import io.hermod.store.StreamStore;
import io.hermod.store.api.ApiError;
import io.hermod.store.api.ClusterInfo;
import io.hermod.store.api.GoJson;
import io.hermod.store.api.JsApiError;
import io.hermod.store.api.StreamDetail;
import io.hermod.store.api.StreamInfo;
import io.hermod.store.file.StoreDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * JetStream inside a Hermod server: opens the store directory, reopens every recorded stream, serves
 * {@code $JS.API.>} through an in-process connection and feeds each stream from in-process subscriptions on its
 * subjects. Close it before the server.
 *
 * <p>Threads: API requests are handed from the publisher's thread (an event loop) to one dedicated thread,
 * {@code hermod-jetstream-api}, which serves them in order; PubAcks are sent from the stores' writer threads once a
 * write is durable; {@code hermod-jetstream-limits} applies {@code max_age} to the streams every
 * {@link #AGE_CHECK_INTERVAL}. Thread-safe.
 */
public final class JetStreamService implements JetStreamReporter, AutoCloseable {
    /** How often streams with a {@code max_age} drop expired messages. */
    public static final Duration AGE_CHECK_INTERVAL = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(JetStreamService.class);
    private static final String API_SUBJECTS = "$JS.API.>";

    private final HermodServer server;
    private final JetStreamSettings settings;
    private final StoreDirectory directory;
    private final InProcessConnection connection;
    private final ExecutorService api;
    private final ExecutorService swapper;
    private final ScheduledExecutorService limits;
    private final StreamRegistry registry;
    private final JsApiRouter router;
    private volatile ToIntFunction<String> consumerCount = stream -> 0;
    private volatile java.util.function.Supplier<List<JetStreamReport.ConsumerFigures>> consumerFigures = List::of;
    private volatile java.util.function.BiFunction<String, Boolean, List<?>> consumerDetails = (s, c) -> List.of();
    private final StreamInfos infos;
    private volatile StreamEvents events = StreamEvents.NONE;
    private Subscription apiSubscription;
    private boolean closed;

    private JetStreamService(HermodServer server, JetStreamSettings settings) {
        this.server = server;
        this.settings = settings;
        this.directory = StoreDirectory.open(settings.storeDir());
        this.connection = server.connectInProcess("jetstream");
        this.api = Executors.newSingleThreadExecutor(daemon("hermod-jetstream-api"));
        this.swapper = Executors.newSingleThreadExecutor(daemon("hermod-jetstream-swap"));
        this.limits = Executors.newSingleThreadScheduledExecutor(daemon("hermod-jetstream-limits"));
        this.registry = new StreamRegistry(directory, connection, settings, new Context(), swapper);
        this.infos = new StreamInfos(name -> consumerCount.applyAsInt(name));
        this.router = new JsApiRouter(registry, new StreamAdminApi(registry, infos, settings),
                new StreamMessageApi(registry), new DirectGetApi(registry), name -> consumerCount.applyAsInt(name));
    }

    /** Opens the store, reopens its streams and starts serving the API on {@code server}. */
    public static JetStreamService start(HermodServer server, JetStreamSettings settings) {
        JetStreamService service = new JetStreamService(server, settings);
        try {
            service.registry.restore();
            service.apiSubscription = service.connection.subscribe(API_SUBJECTS, null, service::onApiRequest);
            long every = AGE_CHECK_INTERVAL.toMillis();
            service.limits.scheduleWithFixedDelay(service::expireOld, every, every, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        server.jetStreamReporter(service);
        log.info("JetStream started: store {}, {} stream(s)", settings.storeDir(), service.registry.all().size());
        return service;
    }

    public JetStreamSettings settings() {
        return settings;
    }

    /** The store directory, for the consumers' state (its key-value storage). */
    public StoreDirectory storeDirectory() {
        return directory;
    }

    /** The store of an open stream. */
    public Optional<StreamStore> streamStore(String name) {
        return registry.find(name).map(Stream::store);
    }

    /** The totals {@code /jsz} shows: configured limits, usage, API counters, streams, consumers, messages. */
    @Override
    public JetStreamReport report() {
        List<Stream> streams = registry.all();
        long messages = 0;
        long bytes = 0;
        long consumers = 0;
        List<JetStreamReport.StreamFigures> figures = new java.util.ArrayList<>(streams.size());
        for (Stream stream : streams) {
            io.hermod.store.StreamState state = stream.store().state();
            int streamConsumers = consumerCount.applyAsInt(stream.name());
            messages += state.messages();
            bytes += state.bytes();
            consumers += streamConsumers;
            figures.add(new JetStreamReport.StreamFigures(stream.name(), state.messages(), state.bytes(),
                    state.firstSeq(), state.lastSeq(), streamConsumers));
        }
        return new JetStreamReport(settings.maxMemoryStore(), settings.maxFileStore(),
                settings.storeDir().toAbsolutePath().toString(), registry.usedBytes(StorageType.MEMORY),
                registry.usedBytes(StorageType.FILE), router.apiTotal(), router.apiErrors(), streams.size(),
                consumers, messages, bytes, figures, consumerFigures.get());
    }

    /** The NATS configuration of an open stream. */
    public Optional<io.hermod.store.api.StreamConfig> streamConfig(String name) {
        return registry.find(name).map(Stream::config);
    }

    /**
     * Counts an API request served outside this service (the {@code $JS.API.CONSUMER.*} endpoints) in the totals
     * {@code $JS.API.INFO} and {@code /jsz} report.
     */
    public void countApiRequest(boolean failed) {
        router.count(failed);
    }

    /** Who learns of stored messages and deleted streams (nobody until set). */
    public void streamEvents(StreamEvents listener) {
        events = listener == null ? StreamEvents.NONE : listener;
    }

    /**
     * Each stream's detail for {@code /jsz?streams=true}, in name order, as nats-server writes it; the consumers'
     * infos come from {@link #consumerDetails}.
     */
    @Override
    public List<String> streamDetails(boolean consumers, boolean config) {
        List<String> details = new java.util.ArrayList<>();
        for (Stream stream : registry.all()) {
            StreamInfo info = infos.plain(stream);
            List<?> consumerInfos = consumers ? consumerDetails.apply(stream.name(), config) : List.of();
            details.add(GoJson.writeString(new StreamDetail(stream.name(), info.created(),
                    new ClusterInfo(null, server.serverId()), config ? info.config() : null, info.state(),
                    consumerInfos)));
        }
        return details;
    }

    /**
     * Where {@code /jsz?consumers=true} gets a stream's consumers' infos from (with their configuration or without),
     * as objects {@link GoJson} writes as nats-server's {@code ConsumerInfo}; none until set.
     */
    public void consumerDetails(java.util.function.BiFunction<String, Boolean, List<?>> details) {
        consumerDetails = details;
    }

    /** Where {@code /metrics} gets per-consumer figures from (none until set). */
    public void consumerFigures(java.util.function.Supplier<List<JetStreamReport.ConsumerFigures>> figures) {
        consumerFigures = figures;
    }

    /** Where stream infos and account info get their consumer counts from (0 until set). */
    public void consumerCounts(ToIntFunction<String> counts) {
        consumerCount = counts;
    }

    private void onApiRequest(Message m) {
        if (JsApiRouter.isDirectGet(m.subject())) {
            // A read of the store, answered on the requester's own thread as nats-server answers it in the client's
            // read loop: no hand-off to the API thread and back (stores read concurrently, a tailer per thread).
            serve(m);
            return;
        }
        try {
            api.execute(() -> serve(m));
        } catch (RejectedExecutionException e) {
            log.debug("JetStream closing: request on {} dropped", m.subject());
        }
    }

    private void serve(Message m) {
        try {
            Optional<ApiReply> reply = router.handle(m.subject(), m.payload());
            if (reply.isPresent() && m.replyTo() != null && !m.replyTo().isEmpty()) {
                connection.publish(m.replyTo(), null, reply.get().headers(), reply.get().body());
            }
        } catch (RuntimeException e) {
            log.warn("JetStream API request on {} failed", m.subject(), e);
        }
    }

    private void expireOld() {
        for (Stream stream : registry.all()) {
            if (stream.config().maxAgeNanos() > 0) {
                try {
                    stream.store().expireOld();
                } catch (RuntimeException e) {
                    log.debug("max_age check of {} skipped: {}", stream.name(), e.toString());
                }
            }
        }
    }

    /** Stops serving, lets pending writes complete and closes every stream and the store. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.jetStreamReporter(null);
        if (apiSubscription != null) {
            connection.unsubscribe(apiSubscription);
        }
        shutdown(api);
        shutdown(limits);
        try {
            registry.closeAll();
        } finally {
            shutdown(swapper);
            connection.close();
            directory.close();
        }
        log.info("JetStream stopped");
    }

    private static void shutdown(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The publish path's view of the service. */
    private final class Context implements PublishContext {
        @Override
        public void reply(String replyTo, byte[] payload) {
            connection.publish(replyTo, null, null, payload);
        }

        @Override
        public StreamEvents events() {
            return events;
        }

        @Override
        public ApiError checkServerLimit(StorageType storage, long bytes) {
            long limit = storage == StorageType.MEMORY ? settings.maxMemoryStore() : settings.maxFileStore();
            if (limit >= 0 && registry.usedBytes(storage) + bytes > limit) {
                return JsApiError.ACCOUNT_RESOURCES_EXCEEDED.error();
            }
            return null;
        }
    }
}
