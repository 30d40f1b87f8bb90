package io.hermod.store.file;

import com.google.protobuf.InvalidProtocolBufferException;
import io.hermod.store.StoreCorruptedException;
import io.hermod.store.StreamState;
import io.hermod.store.index.DedupeWindow;
import io.hermod.store.index.SequenceIndex;
import io.hermod.store.index.SubjectTable;
import io.hermod.store.index.Tombstones;
import io.hermod.store.kv.ColumnFamily;
import io.hermod.store.kv.KeyValueBatch;
import io.hermod.store.kv.KeyValueStorage;
import io.hermod.store.proto.DedupeEntry;
import io.hermod.store.proto.SequenceRun;
import io.hermod.store.proto.StreamStateRecord;
import io.hermod.store.proto.SubjectEntry;
import io.hermod.store.stream.StreamContents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stream's derived state in RocksDB: its totals ({@code stream_state}), sequence runs and tombstones
 * ({@code seq_index}), subjects ({@code subject_index}) and message ids ({@code dedupe}), under keys that start with the stream's name.
 * Written after the log, in one batch per group of writes, without syncing RocksDB's WAL: recovery rebuilds
 * whatever is missing from the log. Used by the stream's writer thread (and its loader before that).
 */
final class StreamIndexStore {
    private static final byte RUN = 'r';
    private static final byte TOMBSTONE = 't';
    private static final byte[] EMPTY = new byte[0];

    private final KeyValueStorage kv;
    private final byte[] prefix;

    StreamIndexStore(KeyValueStorage kv, String stream) {
        this.kv = kv;
        byte[] name = stream.getBytes(StandardCharsets.UTF_8);
        prefix = ByteBuffer.allocate(name.length + 2).putShort((short) name.length).put(name).array();
    }

    /** Removes every index key of the stream (totals, sequence runs, tombstones, subjects, message ids). */
    void deleteAll(boolean sync) {
        byte[] end = prefix.clone();
        // The prefix ends in the name's UTF-8, whose bytes are never 0xFF: incrementing the last one bounds it.
        end[end.length - 1]++;
        try (KeyValueBatch batch = kv.newBatch()) {
            for (ColumnFamily cf : new ColumnFamily[] {ColumnFamily.STREAM_STATE, ColumnFamily.SEQ_INDEX,
                    ColumnFamily.SUBJECT_INDEX, ColumnFamily.DEDUPE}) {
                batch.deleteRange(cf, prefix, end);
            }
            kv.write(batch, sync);
        }
    }

    /** The persisted totals, or {@code null} for a stream never committed. */
    StreamStateRecord loadState() {
        byte[] value = kv.get(ColumnFamily.STREAM_STATE, prefix);
        try {
            return value == null ? null : StreamStateRecord.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new StoreCorruptedException("unreadable stream state", e);
        }
    }

    void loadIndexes(SequenceIndex sequences, Tombstones tombstones, SubjectTable subjects, DedupeWindow dedupe) {
        List<Map.Entry<String, DedupeWindow.Entry>> ids = new ArrayList<>();
        kv.scan(ColumnFamily.DEDUPE, prefix, null, (key, value) -> {
            String msgId = new String(key, prefix.length, key.length - prefix.length, StandardCharsets.UTF_8);
            try {
                DedupeEntry entry = DedupeEntry.parseFrom(value);
                ids.add(Map.entry(msgId, new DedupeWindow.Entry(entry.getSeq(), entry.getTimestampNanos())));
            } catch (InvalidProtocolBufferException e) {
                throw new StoreCorruptedException("unreadable dedupe entry of " + msgId, e);
            }
            return true;
        });
        ids.sort(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(DedupeWindow.Entry::seq)));
        ids.forEach(e -> dedupe.load(e.getKey(), e.getValue()));
        kv.scan(ColumnFamily.SEQ_INDEX, prefix, null, (key, value) -> {
            long seq = ByteBuffer.wrap(key, prefix.length + 1, 8).getLong();
            if (key[prefix.length] == RUN) {
                sequences.load(seq, parse(value).getFirstLogIndex());
            } else {
                tombstones.load(seq);
            }
            return true;
        });
        kv.scan(ColumnFamily.SUBJECT_INDEX, prefix, null, (key, value) -> {
            String subject = new String(key, prefix.length, key.length - prefix.length, StandardCharsets.UTF_8);
            try {
                SubjectEntry entry = SubjectEntry.parseFrom(value);
                subjects.load(subject, new SubjectTable.Entry(entry.getMessages(), entry.getFirstSeq(),
                        entry.getLastSeq()));
            } catch (InvalidProtocolBufferException e) {
                throw new StoreCorruptedException("unreadable subject entry of " + subject, e);
            }
            return true;
        });
    }

    /**
     * Writes what changed since the last commit, and the totals with the log index they reflect; {@code sync}:
     * fsync RocksDB's WAL too.
     */
    void commit(StreamContents contents, SequenceIndex sequences, long appliedLogIndex, boolean sync) {
        List<Map.Entry<Long, Long>> addedRuns = new ArrayList<>();
        List<Long> removedRuns = new ArrayList<>();
        List<Long> addedTombstones = new ArrayList<>();
        List<Long> removedTombstones = new ArrayList<>();
        sequences.drainChanges(addedRuns, removedRuns);
        contents.tombstones().drainChanges(addedTombstones, removedTombstones);
        try (KeyValueBatch batch = kv.newBatch()) {
            for (Map.Entry<Long, Long> run : addedRuns) {
                batch.put(ColumnFamily.SEQ_INDEX, seqKey(RUN, run.getKey()), SequenceRun.newBuilder()
                        .setFirstSeq(run.getKey()).setFirstLogIndex(run.getValue()).build().toByteArray());
            }
            for (long seq : removedRuns) {
                batch.delete(ColumnFamily.SEQ_INDEX, seqKey(RUN, seq));
            }
            for (long seq : removedTombstones) {
                batch.delete(ColumnFamily.SEQ_INDEX, seqKey(TOMBSTONE, seq));
            }
            for (long seq : addedTombstones) {
                batch.put(ColumnFamily.SEQ_INDEX, seqKey(TOMBSTONE, seq), EMPTY);
            }
            contents.subjects().drainDirty().forEach((subject, entry) -> {
                byte[] key = stringKey(subject);
                if (entry == null) {
                    batch.delete(ColumnFamily.SUBJECT_INDEX, key);
                } else {
                    batch.put(ColumnFamily.SUBJECT_INDEX, key, SubjectEntry.newBuilder()
                            .setMessages(entry.messages()).setFirstSeq(entry.firstSeq()).setLastSeq(entry.lastSeq())
                            .build().toByteArray());
                }
            });
            Map<String, DedupeWindow.Entry> addedIds = new LinkedHashMap<>();
            List<String> removedIds = new ArrayList<>();
            contents.dedupe().drainChanges(addedIds, removedIds);
            for (String msgId : removedIds) {
                batch.delete(ColumnFamily.DEDUPE, stringKey(msgId));
            }
            addedIds.forEach((msgId, entry) -> batch.put(ColumnFamily.DEDUPE, stringKey(msgId), DedupeEntry
                    .newBuilder().setSeq(entry.seq()).setTimestampNanos(entry.timestampNanos()).build().toByteArray()));
            StreamState state = contents.state();
            batch.put(ColumnFamily.STREAM_STATE, prefix, StreamStateRecord.newBuilder()
                    .setFirstSeq(state.firstSeq()).setLastSeq(state.lastSeq()).setMessages(state.messages())
                    .setBytes(state.bytes()).setFirstTimestampNanos(state.firstTimestampNanos())
                    .setLastTimestampNanos(state.lastTimestampNanos()).setNumDeleted(state.numDeleted())
                    .setAppliedLogIndex(appliedLogIndex).build().toByteArray());
            kv.write(batch, sync);
        }
    }

    private byte[] seqKey(byte kind, long seq) {
        return ByteBuffer.allocate(prefix.length + 9).put(prefix).put(kind).putLong(seq).array();
    }

    private byte[] stringKey(String subject) {
        byte[] s = subject.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(prefix.length + s.length).put(prefix).put(s).array();
    }

    private static SequenceRun parse(byte[] value) {
        try {
            return SequenceRun.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new StoreCorruptedException("unreadable sequence run", e);
        }
    }
}
