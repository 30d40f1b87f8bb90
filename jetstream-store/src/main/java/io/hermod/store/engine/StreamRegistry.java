package io.hermod.store.engine;

import io.hermod.core.client.InProcessConnection;
import io.hermod.core.routing.Subscription;
import io.hermod.store.StreamStore;
import io.hermod.store.api.GoJson;
import io.hermod.store.api.StreamConfig;
import io.hermod.store.api.StreamConfigValidator;
import io.hermod.store.file.StoreDirectory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * The open streams, by name: creates, updates and deletes them in the store directory (which records each NATS
 * configuration in RocksDB) and keeps each stream's subscriptions in step with its subjects.
 *
 * <p>Threads: changes ({@link #restore}, {@link #create}, {@link #update}, {@link #delete}, {@link #closeAll}) come
 * from one thread, the API thread; lookups from any thread.
 */
final class StreamRegistry {
    private final StoreDirectory directory;
    private final InProcessConnection connection;
    private final JetStreamSettings settings;
    private final PublishContext context;
    /** Where blocking store swaps run, off both the API thread and the stores' writer threads. */
    private final Executor swapper;
    private final Map<String, Stream> streams = new ConcurrentSkipListMap<>();

    StreamRegistry(StoreDirectory directory, InProcessConnection connection, JetStreamSettings settings,
                   PublishContext context, Executor swapper) {
        this.directory = directory;
        this.connection = connection;
        this.settings = settings;
        this.context = context;
        this.swapper = swapper;
    }

    /** Reopens every stream recorded in the store directory (recovering file streams from their logs). */
    void restore() {
        StreamConfigValidator validator = new StreamConfigValidator();
        for (StoreDirectory.StoredStream stored : directory.storedStreams()) {
            StreamConfig config = stored.natsConfig().length == 0
                    ? validator.applyDefaults(StreamConfig.named(stored.config().name()))
                    : GoJson.read(new String(stored.natsConfig(), StandardCharsets.UTF_8), StreamConfig.class);
            open(config, StoreModels.time(stored.createdNanos()));
        }
    }

    Stream create(StreamConfig config) {
        return open(config, Instant.now());
    }

    private Stream open(StreamConfig config, Instant created) {
        StreamStore store = openStore(config, created);
        Stream stream = new Stream(config, created, store, context);
        stream.publisher().recover();
        streams.put(config.name(), stream);
        subscribe(stream);
        return stream;
    }

    private StreamStore openStore(StreamConfig config, Instant created) {
        long createdNanos = created.getEpochSecond() * 1_000_000_000L + created.getNano();
        StreamStore store = directory.openStream(StoreModels.storeConfig(config, settings.syncInterval()),
                GoJson.write(config), createdNanos);
        store.onLimitRemovals(seqs -> context.events().removedByLimits(config.name(), seqs));
        // A write group's PubAcks leave in one flush per receiving connection instead of one wake-up each.
        store.completionScope(connection::batched);
        return store;
    }

    /** Applies a validated configuration: the store is reopened with it once every pending write completed. */
    void update(Stream stream, StreamConfig config) {
        await(stream.publisher().exclusive(() -> {
            stream.store().close();
            StreamStore store = openStore(config, stream.created());
            LimitEnforcer.apply(store);
            stream.replace(config, store);
            stream.publisher().recover();
        }, swapper));
        subscribe(stream);
    }

    /** Stops the stream's subscriptions, closes its store after pending writes and removes its files and keys. */
    void delete(Stream stream) {
        unsubscribe(stream);
        streams.remove(stream.name());
        await(stream.publisher().exclusive(() -> stream.store().close(), swapper));
        directory.deleteStream(stream.name());
        context.events().deleted(stream.name());
    }

    /** Who learns of the streams' changes (the consumers). */
    StreamEvents events() {
        return context.events();
    }

    Optional<Stream> find(String name) {
        return Optional.ofNullable(streams.get(name));
    }

    /** Every stream, in name order. */
    List<Stream> all() {
        return new ArrayList<>(streams.values());
    }

    /** Bytes stored by the streams of one storage type. */
    long usedBytes(io.hermod.store.StorageType storage) {
        return streams.values().stream().filter(s -> s.store().config().storage() == storage)
                .mapToLong(s -> s.store().state().bytes()).sum();
    }

    List<StreamConfig> configs() {
        return all().stream().map(Stream::config).toList();
    }

    void closeAll() {
        for (Stream stream : all()) {
            unsubscribe(stream);
        }
        for (Stream stream : all()) {
            await(stream.publisher().exclusive(() -> stream.store().close(), swapper));
        }
        streams.clear();
    }

    /** Brings the subscriptions in line with the stream's subjects, keeping those that stay. */
    private void subscribe(Stream stream) {
        Map<String, Subscription> current = stream.subscriptions();
        Map<String, Subscription> next = new HashMap<>();
        for (String subject : stream.config().subjects()) {
            Subscription kept = current.get(subject);
            next.put(subject, kept != null ? kept : connection.subscribe(subject, null, stream.publisher()::onMessage));
        }
        current.forEach((subject, sub) -> {
            if (!next.containsKey(subject)) {
                connection.unsubscribe(sub);
            }
        });
        stream.subscriptions(next);
    }

    private void unsubscribe(Stream stream) {
        for (Subscription sub : stream.subscriptions().values()) {
            connection.unsubscribe(sub);
        }
        stream.subscriptions(Map.of());
    }

    private static void await(java.util.concurrent.CompletableFuture<Void> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a stream's writes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
