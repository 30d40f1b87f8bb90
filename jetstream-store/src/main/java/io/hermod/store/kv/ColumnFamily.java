package io.hermod.store.kv;

import java.nio.charset.StandardCharsets;

/** The column families of the store's RocksDB; all are created when the database is opened. */
public enum ColumnFamily {
    STREAM_CONFIG("stream_config"),
    STREAM_STATE("stream_state"),
    /** Sequence runs (sequence → log index) and tombstones. */
    SEQ_INDEX("seq_index"),
    SUBJECT_INDEX("subject_index"),
    DEDUPE("dedupe"),
    CONSUMER_CONFIG("consumer_config"),
    CONSUMER_STATE("consumer_state");

    private final String rocksName;

    ColumnFamily(String rocksName) {
        this.rocksName = rocksName;
    }

    public String rocksName() {
        return rocksName;
    }

    byte[] nameBytes() {
        return rocksName.getBytes(StandardCharsets.UTF_8);
    }
}
