package io.hermod.store.engine;

import io.hermod.store.StreamStore;
import io.hermod.store.api.StreamInfo;
import io.hermod.store.api.StreamState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/** Builds the {@code StreamInfo} of a stream, with per-subject counts and deleted sequences when asked. */
final class StreamInfos {
    private final ToIntFunction<String> consumerCount;

    StreamInfos(ToIntFunction<String> consumerCount) {
        this.consumerCount = consumerCount;
    }

    StreamInfo plain(Stream stream) {
        return new StreamInfo(stream.config(), stream.created(), state(stream, Map.of(), false), null);
    }

    StreamInfo detailed(Stream stream, Map<String, Long> subjects, boolean deletedDetails) {
        return new StreamInfo(stream.config(), stream.created(), state(stream, subjects, deletedDetails), null);
    }

    /** The per-subject counts of the subjects matching {@code filter}, in subject order. */
    static TreeMap<String, Long> subjects(Stream stream, String filter) {
        return new TreeMap<>(stream.store().subjectCounts(filter));
    }

    private StreamState state(Stream stream, Map<String, Long> subjects, boolean deletedDetails) {
        StreamStore store = stream.store();
        io.hermod.store.StreamState s = store.state();
        List<Long> deleted = deletedDetails && s.numDeleted() > 0 ? deleted(store, s) : List.of();
        return StoreModels.state(s, subjects, deleted, consumerCount.applyAsInt(stream.name()));
    }

    /** The sequences between the first and the last that hold no message (tombstones). */
    private static List<Long> deleted(StreamStore store, io.hermod.store.StreamState s) {
        List<Long> out = new ArrayList<>();
        for (long seq = s.firstSeq(); seq <= s.lastSeq() && out.size() < s.numDeleted(); seq++) {
            if (store.load(seq).isEmpty()) {
                out.add(seq);
            }
        }
        return out;
    }
}
