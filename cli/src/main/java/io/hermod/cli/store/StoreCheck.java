package io.hermod.cli.store;

import io.hermod.consumers.state.ConsumerStateInspector;
import io.hermod.store.StorageType;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.file.StoreInconsistency;
import io.hermod.store.file.StoreInspector;
import io.hermod.store.file.StreamInspection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** One check of a whole store: every stream against its log, what belongs to no stream, then the consumers. */
final class StoreCheck {
    private StoreCheck() {
    }

    static VerifyReport run(StoreInspector inspector, LongAdder progress) {
        List<StoreInconsistency> found = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<StreamStoreConfig> configs = inspector.streams(found);
        List<StreamInspection> streams = new ArrayList<>();
        Map<String, ConsumerStateInspector.StreamRange> ranges = new HashMap<>();
        for (StreamStoreConfig config : configs) {
            if (inspector.deletionPending(config.name())) {
                notes.add(config.name() + ": its deletion was interrupted; the server completes it on start");
                continue;
            }
            StreamInspection inspection = inspector.inspect(config, progress);
            streams.add(inspection);
            found.addAll(inspection.inconsistencies());
            StreamState state = inspection.state();
            ranges.put(config.name(), new ConsumerStateInspector.StreamRange(
                    inspection.storage() == StorageType.FILE, state.firstSeq(), inspection.tailLastSeq()));
            if (inspection.unappliedDocuments() > 0) {
                notes.add(config.name() + ": " + inspection.unappliedDocuments()
                        + " log document(s) after what the indexes reflect; the server applies them on start");
            }
        }
        Set<String> known = configs.stream().map(StreamStoreConfig::name).collect(Collectors.toSet());
        found.addAll(inspector.orphans(known));
        ConsumerStateInspector.Result consumers = ConsumerStateInspector.inspect(inspector.keyValueStorage(),
                name -> Optional.ofNullable(ranges.get(name)));
        found.addAll(consumers.inconsistencies());
        return new VerifyReport(inspector.root(), streams, consumers.consumers(), found, notes);
    }

    /** A rough count of log documents for the progress bar: each stream's span of sequences by its indexes. */
    static long estimatedDocuments(StoreInspector inspector) {
        long total = 0;
        for (StreamStoreConfig config : inspector.streams(new ArrayList<>())) {
            total += 1 + inspector.indexedState(config.name())
                    .map(s -> Math.max(0, s.lastSeq() - s.firstSeq() + 1)).orElse(0L);
        }
        return total;
    }
}
