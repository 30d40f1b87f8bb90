package io.hermod.store.stream;

import com.google.protobuf.ByteString;
import io.hermod.core.subject.SubjectFilter;
import io.hermod.core.subject.SubjectValidator;
import io.hermod.store.AppendListener;
import io.hermod.store.AppendResult;
import io.hermod.store.MessageRejectedException;
import io.hermod.store.PurgeRequest;
import io.hermod.store.StoreClosedException;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.index.DedupeWindow;
import io.hermod.store.index.SubjectTable;
import io.hermod.store.proto.DeleteMessage;
import io.hermod.store.proto.LogRecord;
import io.hermod.store.proto.MessageRecord;
import io.hermod.store.proto.PurgeStream;
import io.hermod.store.proto.SkipMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StreamStore} behaviour shared by file and memory storage: one writer thread per stream drains the
 * queue of pending writes, applies them in order (log append, contents, limits), syncs once for the whole group
 * (group commit), completes their futures, and then commits the derived state (RocksDB indexes, retention), which
 * recovery rebuilds from the log and so need not delay an acknowledgement. Readers take the read lock; the writer
 * holds the write lock for a group, including its sync, so a reader never sees a write that a crash could still
 * undo.
 */
public abstract class StreamEngine implements StreamStore {
    private static final Logger LOG = LoggerFactory.getLogger(StreamEngine.class);
    private static final int MAX_GROUP = 8192;
    private static final long IDLE_TICK_MILLIS = 1000;

    private final StreamStoreConfig config;
    private final MessageStorage storage;
    private final StreamContents contents;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final LinkedBlockingQueue<WriteOp> queue = new LinkedBlockingQueue<>();
    private final Object enqueueGuard = new Object();
    private final Thread writer;
    private boolean closing;
    private volatile Throwable failure;
    private volatile Consumer<long[]> limitRemovalListener;
    private volatile Consumer<Runnable> completionScope;
    /** Sequences the limits removed in the current write group, once someone listens; the writer's only. */
    private final List<Long> limitRemoved = new ArrayList<>();

    protected StreamEngine(StreamStoreConfig config, MessageStorage storage, StreamContents contents, Clock clock) {
        this.config = config;
        this.storage = storage;
        this.contents = contents;
        this.clock = clock;
        contents.onLimitRemoval(seq -> {
            if (limitRemovalListener != null) {
                limitRemoved.add(seq);
            }
        });
        this.writer = new Thread(this::runWriter, "stream-writer-" + config.name());
        this.writer.setDaemon(true);
    }

    /** Starts the writer; subclasses call it once their storage is recovered. */
    protected final void start() {
        writer.start();
    }

    @Override
    public StreamStoreConfig config() {
        return config;
    }

    @Override
    public CompletableFuture<Long> append(String subject, byte[] headers, byte[] payload) {
        if (!SubjectValidator.isValidPublishSubject(subject)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("invalid subject: " + subject));
        }
        return enqueue(new WriteOp.Append("", subject, headers == null ? new byte[0] : headers, payload));
    }

    @Override
    public CompletableFuture<AppendResult> appendOnce(String msgId, String subject, byte[] headers, byte[] payload) {
        if (!SubjectValidator.isValidPublishSubject(subject)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("invalid subject: " + subject));
        }
        if (msgId == null || msgId.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a message id is required"));
        }
        return enqueue(new WriteOp.Append(msgId, subject, headers == null ? new byte[0] : headers, payload));
    }

    @Override
    public void append(String msgId, String subject, byte[] headers, byte[] payload, AppendListener listener) {
        if (!SubjectValidator.isValidPublishSubject(subject)) {
            listener.failed(new IllegalArgumentException("invalid subject: " + subject));
            return;
        }
        if (msgId != null && msgId.isEmpty()) {
            listener.failed(new IllegalArgumentException("a message id is required"));
            return;
        }
        WriteOp.Append op = new WriteOp.Append(msgId == null ? "" : msgId, subject,
                headers == null ? new byte[0] : headers, payload, listener);
        Throwable refused = offer(op);
        if (refused != null) {
            listener.failed(refused);
        }
    }

    @Override
    public void completionScope(Consumer<Runnable> scope) {
        completionScope = scope;
    }

    @Override
    public CompletableFuture<Long> skip() {
        return enqueue(new WriteOp.Skip(""));
    }

    @Override
    public CompletableFuture<AppendResult> skipOnce(String msgId) {
        if (msgId == null || msgId.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a message id is required"));
        }
        return enqueue(new WriteOp.Skip(msgId));
    }

    @Override
    public CompletableFuture<Boolean> delete(long seq) {
        return enqueue(new WriteOp.Delete(seq));
    }

    @Override
    public CompletableFuture<Long> purge(PurgeRequest request) {
        return purge(request, false);
    }

    @Override
    public CompletableFuture<Long> purgeForLimits(PurgeRequest request) {
        return purge(request, true);
    }

    private CompletableFuture<Long> purge(PurgeRequest request, boolean forLimits) {
        if (request.subjectFilter() != null && !SubjectValidator.isValidFilter(request.subjectFilter())) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("invalid subject filter: " + request.subjectFilter()));
        }
        return enqueue(new WriteOp.Purge(request, forLimits));
    }

    @Override
    public CompletableFuture<Long> expireOld() {
        return enqueue(new WriteOp.Expire());
    }

    @Override
    public Optional<StoredMessage> load(long seq) {
        lock.readLock().lock();
        try {
            return contents.holds(seq) ? Optional.ofNullable(storage.read(seq)) : Optional.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<StoredMessage> next(long fromSeq, String subjectFilter) {
        lock.readLock().lock();
        try {
            long from = Math.max(fromSeq, contents.firstSeq());
            long to = contents.lastSeq();
            boolean any = subjectFilter == null || subjectFilter.equals(">");
            if (!any && SubjectValidator.isLiteral(subjectFilter)) {
                SubjectTable.Entry entry = contents.subjects().get(subjectFilter);
                if (entry == null) {
                    return Optional.empty();
                }
                from = Math.max(from, entry.firstSeq());
                to = entry.lastSeq();
            }
            for (long seq = from; seq <= to; seq++) {
                if (!contents.holds(seq)) {
                    continue;
                }
                StoredMessage message = storage.read(seq);
                if (message != null && (any || SubjectFilter.matches(subjectFilter, message.subject()))) {
                    return Optional.of(message);
                }
            }
            return Optional.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public OptionalLong seqForTime(Instant time) {
        long target = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        lock.readLock().lock();
        try {
            StreamState state = contents.state();
            if (state.messages() == 0 || state.lastTimestampNanos() < target) {
                return OptionalLong.empty();
            }
            // Timestamps never decrease with the sequence: binary search on stored messages.
            long lo = state.firstSeq();
            long hi = state.lastSeq();
            while (lo < hi) {
                long mid = lo + (hi - lo) / 2;
                StoredMessage probe = liveAtOrAfter(mid, hi);
                if (probe == null || probe.timestampNanos() >= target) {
                    hi = mid;
                } else {
                    lo = probe.seq() + 1;
                }
            }
            StoredMessage found = liveAtOrAfter(lo, state.lastSeq());
            return found == null ? OptionalLong.empty() : OptionalLong.of(found.seq());
        } finally {
            lock.readLock().unlock();
        }
    }

    private StoredMessage liveAtOrAfter(long seq, long bound) {
        for (long s = seq; s <= bound; s++) {
            if (contents.holds(s)) {
                return storage.read(s);
            }
        }
        return null;
    }

    @Override
    public OptionalLong duplicateOf(String msgId) {
        lock.readLock().lock();
        try {
            DedupeWindow.Entry earlier = contents.dedupe().find(msgId, nowNanos());
            return earlier == null ? OptionalLong.empty() : OptionalLong.of(earlier.seq());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<StoredMessage> lastBySubject(String subject) {
        lock.readLock().lock();
        try {
            SubjectTable.Entry entry = contents.subjects().get(subject);
            return entry == null ? Optional.empty() : Optional.ofNullable(storage.read(entry.lastSeq()));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public StreamState state() {
        lock.readLock().lock();
        try {
            return contents.state();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Map<String, Long> subjectCounts(String subjectFilter) {
        lock.readLock().lock();
        try {
            return contents.subjects().counts(subjectFilter);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        synchronized (enqueueGuard) {
            if (closing) {
                return;
            }
            closing = true;
            queue.add(new WriteOp.Close());
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            lock.writeLock().lock();
            try {
                storage.close();
            } finally {
                lock.writeLock().unlock();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> CompletableFuture<T> enqueue(WriteOp op) {
        Throwable refused = offer(op);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<T> future = (CompletableFuture<T>) op.future;
        return future;
    }

    /** Queues the write for the writer; returns why it was refused instead, or null. */
    private Throwable offer(WriteOp op) {
        synchronized (enqueueGuard) {
            if (closing) {
                return new StoreClosedException(config.name());
            }
            Throwable failed = failure;
            if (failed != null) {
                return failed;
            }
            queue.add(op);
            return null;
        }
    }

    private void runWriter() {
        List<WriteOp> group = new ArrayList<>();
        long lastSync = System.nanoTime();
        long tickMillis = config.durable() ? IDLE_TICK_MILLIS
                : Math.max(1, Math.min(IDLE_TICK_MILLIS, config.syncInterval().toMillis()));
        boolean unsynced = false;
        boolean stop = false;
        while (!stop) {
            try {
                WriteOp first = queue.poll(tickMillis, TimeUnit.MILLISECONDS);
                if (first != null) {
                    group.add(first);
                    queue.drainTo(group, MAX_GROUP - 1);
                }
            } catch (InterruptedException e) {
                LOG.warn("writer of stream {} interrupted; it keeps running until the store is closed", config.name());
            }
            boolean changed = false;
            lock.writeLock().lock();
            try {
                for (WriteOp op : group) {
                    if (op instanceof WriteOp.Close) {
                        stop = true;
                    } else {
                        unsynced |= execute(op);
                    }
                }
                changed = contents.expire(nowNanos()) > 0 || !group.isEmpty();
                long now = System.nanoTime();
                if (unsynced && (config.durable() || stop || now - lastSync >= config.syncInterval().toNanos())) {
                    storage.sync();
                    unsynced = false;
                    lastSync = now;
                }
            } catch (RuntimeException | Error e) {
                refuseWrites(e);
                for (WriteOp op : group) {
                    op.fail(e);
                }
                changed = false;
            } finally {
                lock.writeLock().unlock();
            }
            // The group is in the log (and synced, when durable): its callers hear now, before the derived state
            // goes to RocksDB, which recovery can rebuild from the log and so need not delay a PubAck.
            completeAll(group);
            if (!limitRemoved.isEmpty()) {
                tellLimitRemovals();
            }
            if (changed) {
                commitDerivedState();
            }
            group.clear();
        }
        // Nothing can be queued after the close marker; complete anything that raced in before it.
        for (WriteOp op = queue.poll(); op != null; op = queue.poll()) {
            op.fail(new StoreClosedException(config.name()));
            op.complete();
        }
    }

    private void completeAll(List<WriteOp> group) {
        Consumer<Runnable> scope = completionScope;
        if (scope == null) {
            completeEach(group);
            return;
        }
        try {
            scope.accept(() -> completeEach(group));
        } catch (RuntimeException e) {
            LOG.warn("stream {}: completion scope failed", config.name(), e);
        }
    }

    /** A listener that throws must not stop the writer nor keep the rest of the group from hearing. */
    private void completeEach(List<WriteOp> group) {
        for (int i = 0, n = group.size(); i < n; i++) {
            try {
                group.get(i).complete();
            } catch (RuntimeException e) {
                LOG.warn("stream {}: a write's listener failed", config.name(), e);
            }
        }
    }

    @Override
    public void onLimitRemovals(Consumer<long[]> listener) {
        limitRemovalListener = listener;
    }

    /** After the group's callers heard: the removals are as durable as the writes that caused them. */
    private void tellLimitRemovals() {
        long[] seqs = limitRemoved.stream().mapToLong(Long::longValue).toArray();
        limitRemoved.clear();
        Consumer<long[]> listener = limitRemovalListener;
        try {
            if (listener != null) {
                listener.accept(seqs);
            }
        } catch (RuntimeException e) {
            LOG.warn("stream {}: listener of limit removals failed", config.name(), e);
        }
    }

    private void commitDerivedState() {
        lock.writeLock().lock();
        try {
            storage.commit(contents);
        } catch (RuntimeException | Error e) {
            refuseWrites(e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void refuseWrites(Throwable e) {
        LOG.error("stream {} failed to write; it refuses further writes", config.name(), e);
        failure = e;
    }

    /** Carries out one write; returns whether it appended to the storage. */
    private boolean execute(WriteOp op) {
        if (op instanceof WriteOp.Append append) {
            boolean once = !append.msgId.isEmpty();
            if (once) {
                DedupeWindow.Entry earlier = contents.dedupe().find(append.msgId, nowNanos());
                if (earlier != null) {
                    append.stored(earlier.seq(), true);
                    return false;
                }
            }
            MessageRejectedException.Reason refusal = contents.admit(append.subject, append.headers.length,
                    append.payload.length);
            if (refusal != null) {
                op.fail(new MessageRejectedException(refusal));
                return false;
            }
            long seq = contents.lastSeq() + 1;
            long timestamp = Math.max(nowNanos(), contents.lastTimestamp());
            StoredMessage message = new StoredMessage(seq, append.subject, append.headers, append.payload, timestamp);
            storage.append(LogRecord.newBuilder().setMessage(MessageRecord.newBuilder().setSeq(seq)
                    .setTimestampNanos(timestamp).setSubject(append.subject)
                    .setHeaders(ByteString.copyFrom(append.headers)).setPayload(ByteString.copyFrom(append.payload))
                    .setMsgId(append.msgId)).build());
            contents.added(message, append.msgId, timestamp);
            append.stored(seq, false);
            return true;
        }
        if (op instanceof WriteOp.Delete delete) {
            if (!contents.holds(delete.seq)) {
                op.succeed(false);
                return false;
            }
            storage.append(LogRecord.newBuilder().setDelete(DeleteMessage.newBuilder().setSeq(delete.seq)).build());
            op.succeed(contents.delete(delete.seq));
            return true;
        }
        if (op instanceof WriteOp.Purge purge) {
            // logged as a purge either way: replay recomputes the removals, nobody is told of them again
            storage.append(LogRecord.newBuilder().setPurge(toRecord(purge.request)).build());
            op.succeed(purge.forLimits ? contents.purgeForLimits(purge.request) : contents.purge(purge.request));
            return true;
        }
        if (op instanceof WriteOp.Skip skip) {
            boolean once = !skip.msgId.isEmpty();
            if (once) {
                DedupeWindow.Entry earlier = contents.dedupe().find(skip.msgId, nowNanos());
                if (earlier != null) {
                    op.succeed(new AppendResult(earlier.seq(), true));
                    return false;
                }
            }
            long seq = contents.lastSeq() + 1;
            long timestamp = Math.max(nowNanos(), contents.lastTimestamp());
            storage.append(LogRecord.newBuilder().setSkip(SkipMessage.newBuilder().setSeq(seq)
                    .setTimestampNanos(timestamp).setMsgId(skip.msgId)).build());
            contents.skipped(seq, timestamp, skip.msgId);
            op.succeed(once ? new AppendResult(seq, false) : seq);
            return true;
        }
        if (op instanceof WriteOp.Expire) {
            op.succeed(contents.expire(nowNanos()));
            return false;
        }
        throw new IllegalStateException("unknown write " + op);
    }

    public static PurgeStream toRecord(PurgeRequest request) {
        PurgeStream.Builder b = PurgeStream.newBuilder().setUpToSeq(request.upToSeq());
        if (request.subjectFilter() != null) {
            b.setSubjectFilter(request.subjectFilter());
        }
        if (request.keep() >= 0) {
            b.setHasKeep(true).setKeep(request.keep());
        }
        return b.build();
    }

    public static PurgeRequest fromRecord(PurgeStream record) {
        return new PurgeRequest(record.getSubjectFilter().isEmpty() ? null : record.getSubjectFilter(),
                record.getUpToSeq(), record.getHasKeep() ? record.getKeep() : -1);
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
