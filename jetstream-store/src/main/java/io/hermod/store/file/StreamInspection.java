package io.hermod.store.file;

import io.hermod.store.StorageType;
import io.hermod.store.StreamState;
import java.util.List;

/**
 * What an offline check found of one stream.
 *
 * @param state the stream's totals as its log says (for a memory stream, or when the log is missing: as the
 *     indexes say, or all zero)
 * @param logDocuments documents in the log (messages, tombstones, purges, recovery markers, unreadable ones)
 * @param voidedDocuments documents an earlier recovery already dropped (a torn record and what followed it up to
 *     a recovery marker): the normal trace of a crash, not an inconsistency
 * @param unappliedDocuments documents after the position the indexes reflect: the server applies them on start
 * @param tailLastSeq the last sequence once those are applied too (what consumers may already have seen), at least
 *     {@code state.lastSeq()}
 * @param inconsistencies what disagrees, in the order found
 */
public record StreamInspection(String name, StorageType storage, StreamState state, long logDocuments,
        long voidedDocuments, long unappliedDocuments, long tailLastSeq, List<StoreInconsistency> inconsistencies) {

    public StreamInspection {
        inconsistencies = List.copyOf(inconsistencies);
    }

    public boolean consistent() {
        return inconsistencies.isEmpty();
    }
}
