package io.hermod.store.stream;

import io.hermod.core.subject.SubjectFilter;
import io.hermod.core.subject.SubjectValidator;
import io.hermod.store.DiscardPolicy;
import io.hermod.store.MessageRejectedException;
import io.hermod.store.PurgeRequest;
import io.hermod.store.StorageType;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.index.DedupeWindow;
import io.hermod.store.index.SubjectTable;
import io.hermod.store.index.Tombstones;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * What a stream holds, derived from its writes in order: totals, per-subject entries, tombstones, and the effect
 * of limits. The live writer and recovery replay call the same methods, so a replayed log yields the same
 * contents as the writes that produced it. Not thread-safe: guarded by the stream's lock.
 */
public final class StreamContents {
    private final StreamStoreConfig config;
    private final MessageAccess messages;
    private final SubjectTable subjects = new SubjectTable();
    private final Tombstones tombstones = new Tombstones();
    private final DedupeWindow dedupe;
    private LongConsumer limitRemovals = seq -> {
    };
    private long firstSeq = 1;
    private long lastSeq;
    private long count;
    private long bytes;
    private long firstTimestamp;
    private long lastTimestamp;

    public StreamContents(StreamStoreConfig config, MessageAccess messages) {
        this.config = config;
        this.messages = messages;
        this.dedupe = new DedupeWindow(config.duplicateWindow().toNanos());
    }

    public DedupeWindow dedupe() {
        return dedupe;
    }

    public SubjectTable subjects() {
        return subjects;
    }

    public Tombstones tombstones() {
        return tombstones;
    }

    public long firstSeq() {
        return firstSeq;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long lastTimestamp() {
        return lastTimestamp;
    }

    /** Restores persisted totals (subjects and tombstones are loaded into their tables). */
    public void restore(long first, long last, long messageCount, long byteCount, long firstTs, long lastTs) {
        firstSeq = first;
        lastSeq = last;
        count = messageCount;
        bytes = byteCount;
        firstTimestamp = firstTs;
        lastTimestamp = lastTs;
    }

    /** Makes an empty stream continue at {@code nextSeq} (replay of a log whose first cycles are gone). */
    public void startAt(long nextSeq) {
        if (count != 0) {
            throw new IllegalStateException("stream not empty");
        }
        lastSeq = nextSeq - 1;
        firstSeq = nextSeq;
    }

    public StreamState state() {
        return new StreamState(count, bytes, firstSeq, lastSeq, count == 0 ? 0 : firstTimestamp, lastTimestamp,
                tombstones.size(), subjects.size());
    }

    /** Whether {@code seq} holds a message (it may still be unreadable if the storage lost it). */
    public boolean holds(long seq) {
        return count > 0 && seq >= firstSeq && seq <= lastSeq && !tombstones.contains(seq);
    }

    /**
     * Why a message may not be stored now, or {@code null} when it may. Under discard new, as nats-server 2.9.10's
     * stores decide: the stream is full at {@code max_msgs}, or when its bytes plus the new message's headers and
     * payload reach {@code max_bytes}; a message that will replace the oldest of its subject (at
     * {@code max_msgs_per_subject}) passes the first, and the second when that message is larger than it.
     */
    public MessageRejectedException.Reason admit(String subject, int headerLength, int payloadLength) {
        long size = (long) headerLength + payloadLength;
        if (config.maxMsgSize() >= 0 && size > config.maxMsgSize()) {
            return MessageRejectedException.Reason.MESSAGE_TOO_LARGE;
        }
        if (config.discard() == DiscardPolicy.NEW) {
            SubjectTable.Entry entry = config.maxMsgsPerSubject() > 0 ? subjects.get(subject) : null;
            boolean replacesOldest = entry != null && entry.messages() >= config.maxMsgsPerSubject();
            if (config.maxMsgs() >= 0 && count >= config.maxMsgs() && !replacesOldest) {
                return MessageRejectedException.Reason.MAX_MESSAGES;
            }
            if (config.maxBytes() >= 0 && bytes + size >= config.maxBytes()
                    && (!replacesOldest || !freesEnough(entry.firstSeq(), size))) {
                return MessageRejectedException.Reason.MAX_BYTES;
            }
        }
        return null;
    }

    /** Whether dropping the message at {@code seq} makes room for {@code size} (file and memory differ at equality). */
    private boolean freesEnough(long seq, long size) {
        StoredMessage oldest = messages.read(seq);
        if (oldest == null) {
            return false;
        }
        long freed = config.storage().messageSize(oldest);
        return config.storage() == StorageType.FILE ? freed > size : freed >= size;
    }

    /**
     * Accounts for a message stored at {@code lastSeq + 1} (with its message id, or an empty one), then applies
     * the limits.
     */
    public void added(StoredMessage message, String msgId, long nowNanos) {
        if (message.seq() != lastSeq + 1) {
            throw new IllegalStateException("expected seq " + (lastSeq + 1) + ", got " + message.seq());
        }
        if (count == 0) {
            firstSeq = message.seq();
            firstTimestamp = message.timestampNanos();
        }
        lastSeq = message.seq();
        lastTimestamp = message.timestampNanos();
        count++;
        bytes += config.storage().messageSize(message);
        dedupe.stored(msgId, message.seq(), message.timestampNanos());
        SubjectTable.Entry entry = subjects.added(message.subject(), message.seq());
        if (config.maxMsgsPerSubject() >= 0) {
            while (entry != null && entry.messages() > config.maxMsgsPerSubject()) {
                removeForLimit(entry.firstSeq());
                entry = subjects.get(message.subject());
            }
        }
        while (config.maxMsgs() >= 0 && count > config.maxMsgs()) {
            removeForLimit(firstSeq);
        }
        while (config.maxBytes() >= 0 && bytes > config.maxBytes() && count > 0) {
            removeForLimit(firstSeq);
        }
        expire(nowNanos);
    }

    /**
     * Accounts for a sequence used without a message ({@link io.hermod.store.StreamStore#skip}): it becomes the
     * last sequence; an empty stream starts after it, otherwise it is a gap (a tombstone) like a deleted message.
     */
    public void skipped(long seq, long timestampNanos, String msgId) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("expected seq " + (lastSeq + 1) + ", got " + seq);
        }
        dedupe.stored(msgId, seq, timestampNanos);
        lastSeq = seq;
        lastTimestamp = Math.max(lastTimestamp, timestampNanos);
        if (count == 0) {
            firstSeq = seq + 1;
        } else {
            tombstones.add(seq);
        }
    }

    /** Removes messages older than {@code max_age} and forgets ids out of the duplicate window; returns how many messages. */
    public long expire(long nowNanos) {
        dedupe.expire(nowNanos);
        if (config.maxAge().isZero()) {
            return 0;
        }
        long cutoff = nowNanos - config.maxAge().toNanos();
        long removed = 0;
        while (count > 0 && firstTimestamp <= cutoff) {
            removeForLimit(firstSeq);
            removed++;
        }
        return removed;
    }

    public boolean delete(long seq) {
        if (!holds(seq)) {
            return false;
        }
        remove(seq);
        return true;
    }

    public long purge(PurgeRequest request) {
        return purge(request, this::remove);
    }

    /** As {@link #purge}, each removal reported as the limits' (see {@link #onLimitRemoval}). */
    public long purgeForLimits(PurgeRequest request) {
        return purge(request, this::removeForLimit);
    }

    private long purge(PurgeRequest request, LongConsumer removal) {
        long before = count;
        if (request.subjectFilter() == null || request.subjectFilter().equals(">")) {
            purgeAllSubjects(request, removal);
        } else {
            for (long seq : matching(request)) {
                removal.accept(seq);
            }
        }
        return before - count;
    }

    private void purgeAllSubjects(PurgeRequest request, LongConsumer removal) {
        if (request.keep() >= 0) {
            while (count > request.keep()) {
                removal.accept(firstSeq);
            }
        } else if (request.upToSeq() > 0) {
            long bound = Math.min(request.upToSeq(), lastSeq + 1);
            while (count > 0 && firstSeq < bound) {
                removal.accept(firstSeq);
            }
            if (count == 0 && firstSeq < bound) {
                firstSeq = bound;
            }
        } else if (count > 0) {
            for (long seq = firstSeq; seq <= lastSeq; seq++) {
                if (!tombstones.contains(seq)) {
                    messages.removed(seq);
                }
            }
            count = 0;
            bytes = 0;
            firstSeq = lastSeq + 1;
            firstTimestamp = 0;
            subjects.clear();
            tombstones.clear();
        }
    }

    private List<Long> matching(PurgeRequest request) {
        String filter = request.subjectFilter();
        long from = firstSeq;
        long to = request.upToSeq() > 0 ? Math.min(lastSeq, request.upToSeq() - 1) : lastSeq;
        if (SubjectValidator.isLiteral(filter)) {
            SubjectTable.Entry entry = subjects.get(filter);
            if (entry == null) {
                return List.of();
            }
            from = entry.firstSeq();
            to = Math.min(to, entry.lastSeq());
        }
        List<Long> found = new ArrayList<>();
        for (long seq = from; seq <= to && count > 0; seq++) {
            if (!holds(seq)) {
                continue;
            }
            StoredMessage message = messages.read(seq);
            if (message != null && SubjectFilter.matches(filter, message.subject())) {
                found.add(seq);
            }
        }
        if (request.keep() >= 0) {
            int keep = (int) Math.min(request.keep(), found.size());
            return found.subList(0, found.size() - keep);
        }
        return found;
    }

    /**
     * Tells {@code listener} of each message the limits remove from now on (max_msgs, max_bytes, max_age,
     * max_msgs_per_subject), as nats-server's stores report such removals to the stream's consumers.
     */
    public void onLimitRemoval(LongConsumer listener) {
        limitRemovals = listener;
    }

    private void removeForLimit(long seq) {
        remove(seq);
        limitRemovals.accept(seq);
    }

    private void remove(long seq) {
        StoredMessage message = messages.read(seq);
        if (message == null) {
            throw new IllegalStateException("stream holds seq " + seq + " but storage does not");
        }
        count--;
        bytes -= config.storage().messageSize(message);
        SubjectTable.Entry entry = subjects.removed(message.subject());
        if (entry != null) {
            if (entry.messages() == 1) {
                long remaining = seq == entry.firstSeq() ? entry.lastSeq() : entry.firstSeq();
                subjects.moveFirst(message.subject(), remaining);
                subjects.moveLast(message.subject(), remaining);
            } else if (seq == entry.firstSeq()) {
                subjects.moveFirst(message.subject(), neighbour(message.subject(), seq, entry.lastSeq(), 1));
            } else if (seq == entry.lastSeq()) {
                subjects.moveLast(message.subject(), neighbour(message.subject(), seq, entry.firstSeq(), -1));
            }
        }
        messages.removed(seq);
        if (count == 0) {
            firstSeq = lastSeq + 1;
            firstTimestamp = 0;
            tombstones.clear();
        } else if (seq == firstSeq) {
            long next = seq + 1;
            while (tombstones.contains(next)) {
                next++;
            }
            firstSeq = next;
            tombstones.removeBelow(next);
            firstTimestamp = messages.read(next).timestampNanos();
        } else {
            tombstones.add(seq);
        }
    }

    /** The nearest stored sequence of {@code subject} from {@code seq} towards {@code bound} (inclusive). */
    private long neighbour(String subject, long seq, long bound, int step) {
        for (long s = seq + step; step > 0 ? s <= bound : s >= bound; s += step) {
            if (s != seq && holds(s)) {
                StoredMessage candidate = messages.read(s);
                if (candidate != null && candidate.subject().equals(subject)) {
                    return s;
                }
            }
        }
        throw new IllegalStateException("subject " + subject + " lost track of its messages near " + seq);
    }
}
