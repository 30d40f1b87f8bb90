package io.hermod.store.file;

import io.hermod.store.log.LogDocument;
import io.hermod.store.log.LogRecordCodec;
import io.hermod.store.proto.LogRecord;
import io.hermod.store.proto.MessageRecord;
import io.hermod.store.proto.ResumeMarker;
import io.hermod.store.proto.StreamStateRecord;
import io.hermod.store.stream.StreamContents;
import io.hermod.store.stream.StreamEngine;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery of a file stream on open: loads what RocksDB recorded, replays the log after the last document it
 * reflects, drops a torn or unreadable record together with everything after it up to the next
 * {@link ResumeMarker}, then appends and fsyncs a new marker so that this session's writes are told apart from
 * whatever a crash left behind. Sequences stay dense: the marker names the next sequence.
 */
final class StreamLoader {
    private static final Logger LOG = LoggerFactory.getLogger(StreamLoader.class);

    private final ChronicleMessageStorage storage;
    private final StreamContents contents;
    private final Clock clock;
    private boolean voiding;
    private boolean fresh;
    private long replayed;
    private long voided;

    StreamLoader(ChronicleMessageStorage storage, StreamContents contents, Clock clock) {
        this.storage = storage;
        this.contents = contents;
        this.clock = clock;
    }

    /**
     * Makes this loader apply documents to empty contents as a rebuild from scratch would, for read-only inspection
     * ({@link StreamStoreInspector}): the caller feeds it documents through {@link #apply} and never commits.
     */
    StreamLoader fromScratch() {
        fresh = true;
        return this;
    }

    RecoveryReport recover() {
        StreamStateRecord state = storage.indexStore().loadState();
        long after = -1;
        if (state == null) {
            fresh = true;
        } else {
            contents.restore(state.getFirstSeq(), state.getLastSeq(), state.getMessages(), state.getBytes(),
                    state.getFirstTimestampNanos(), state.getLastTimestampNanos());
            storage.indexStore().loadIndexes(storage.sequences(), contents.tombstones(), contents.subjects(),
                    contents.dedupe());
            after = state.getAppliedLogIndex();
        }
        storage.log().scanAfter(after, this::apply);
        if (voided > 0) {
            LOG.warn("{}: dropped {} torn or unreadable log document(s) after seq {}", storage.log().directory(),
                    voided, contents.lastSeq());
        }
        storage.append(LogRecord.newBuilder()
                .setResume(ResumeMarker.newBuilder().setNextSeq(contents.lastSeq() + 1)).build());
        storage.sync();
        storage.commit(contents);
        LOG.debug("{}: recovered, replayed {} document(s), state {}", storage.log().directory(), replayed,
                contents.state());
        return new RecoveryReport(replayed, voided);
    }

    /** Applies one log document in order, as replay does; always returns true (keep scanning). */
    boolean apply(LogDocument document) {
        storage.replayed(document.index());
        LogRecord record = LogRecordCodec.decode(document.bytes());
        if (voiding) {
            if (record != null && record.hasResume()) {
                voiding = false;
            } else {
                voided++;
            }
            return true;
        }
        if (record == null) {
            voiding = true;
            voided++;
            return true;
        }
        replayed++;
        switch (record.getEntryCase()) {
            case MESSAGE -> applyMessage(record.getMessage(), document.index());
            case DELETE -> contents.delete(record.getDelete().getSeq());
            case PURGE -> contents.purge(StreamEngine.fromRecord(record.getPurge()));
            case SKIP -> applySkip(record.getSkip().getSeq(), record.getSkip().getTimestampNanos(),
                    record.getSkip().getMsgId());
            case RESUME, ENTRY_NOT_SET -> {
                // A session boundary in good order: nothing to apply.
            }
        }
        return true;
    }

    private void applySkip(long seq, long timestampNanos, String msgId) {
        if (seq <= contents.lastSeq()) {
            return;
        }
        if (fresh && contents.state().messages() == 0 && contents.lastSeq() == 0) {
            contents.startAt(seq); // RocksDB rebuilt from scratch after retention removed the first cycles
        }
        fresh = false;
        if (seq != contents.lastSeq() + 1) {
            LOG.warn("{}: skipped seq {} follows {} in the log; treating the rest of the session as void",
                    storage.log().directory(), seq, contents.lastSeq());
            voiding = true;
            voided++;
            replayed--;
            return;
        }
        contents.skipped(seq, timestampNanos, msgId);
    }

    private void applyMessage(MessageRecord message, long logIndex) {
        long seq = message.getSeq();
        if (fresh && contents.state().messages() == 0 && contents.lastSeq() == 0 && seq > 1) {
            // RocksDB was rebuilt from scratch and retention had removed the first cycles.
            contents.startAt(seq);
        }
        fresh = false;
        if (seq <= contents.lastSeq()) {
            return;
        }
        if (seq != contents.lastSeq() + 1) {
            LOG.warn("{}: seq {} follows {} in the log; treating the rest of the session as void",
                    storage.log().directory(), seq, contents.lastSeq());
            voiding = true;
            voided++;
            replayed--;
            return;
        }
        storage.sequences().stored(seq, logIndex);
        contents.added(ChronicleMessageStorage.toStored(message), message.getMsgId(), nowNanos());
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
