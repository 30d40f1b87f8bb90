package io.hermod.store.file;

import io.hermod.store.AppendResult;
import io.hermod.store.PurgeRequest;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** A stream handed out by {@link StoreDirectory}: closing it also lets the directory open it again. */
final class ClosingStore implements StreamStore {
    private final StreamStore store;
    private final StoreDirectory directory;

    ClosingStore(StreamStore store, StoreDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** The store behind this handle (a {@link FileStreamStore} or a memory store). */
    StreamStore unwrap() {
        return store;
    }

    @Override
    public StreamStoreConfig config() {
        return store.config();
    }

    @Override
    public CompletableFuture<Long> append(String subject, byte[] headers, byte[] payload) {
        return store.append(subject, headers, payload);
    }

    @Override
    public CompletableFuture<AppendResult> appendOnce(String msgId, String subject, byte[] headers, byte[] payload) {
        return store.appendOnce(msgId, subject, headers, payload);
    }

    @Override
    public void append(String msgId, String subject, byte[] headers, byte[] payload,
                       io.hermod.store.AppendListener listener) {
        store.append(msgId, subject, headers, payload, listener);
    }

    @Override
    public void completionScope(java.util.function.Consumer<Runnable> scope) {
        store.completionScope(scope);
    }

    @Override
    public Optional<StoredMessage> load(long seq) {
        return store.load(seq);
    }

    @Override
    public Optional<StoredMessage> next(long fromSeq, String subjectFilter) {
        return store.next(fromSeq, subjectFilter);
    }

    @Override
    public OptionalLong seqForTime(Instant time) {
        return store.seqForTime(time);
    }

    @Override
    public OptionalLong duplicateOf(String msgId) {
        return store.duplicateOf(msgId);
    }

    @Override
    public Optional<StoredMessage> lastBySubject(String subject) {
        return store.lastBySubject(subject);
    }

    @Override
    public void onLimitRemovals(java.util.function.Consumer<long[]> listener) {
        store.onLimitRemovals(listener);
    }

    @Override
    public CompletableFuture<Long> skip() {
        return store.skip();
    }

    @Override
    public CompletableFuture<AppendResult> skipOnce(String msgId) {
        return store.skipOnce(msgId);
    }

    @Override
    public CompletableFuture<Boolean> delete(long seq) {
        return store.delete(seq);
    }

    @Override
    public CompletableFuture<Long> purge(PurgeRequest request) {
        return store.purge(request);
    }

    @Override
    public CompletableFuture<Long> purgeForLimits(PurgeRequest request) {
        return store.purgeForLimits(request);
    }

    @Override
    public StreamState state() {
        return store.state();
    }

    @Override
    public Map<String, Long> subjectCounts(String subjectFilter) {
        return store.subjectCounts(subjectFilter);
    }

    @Override
    public CompletableFuture<Long> expireOld() {
        return store.expireOld();
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            directory.closed(store.config().name());
        }
    }
}
