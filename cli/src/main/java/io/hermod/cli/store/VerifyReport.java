package io.hermod.cli.store;

import io.hermod.consumers.state.ConsumerStateInspector.ConsumerSummary;
import io.hermod.store.file.StoreInconsistency;
import io.hermod.store.file.StreamInspection;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of one check of a store.
 *
 * @param notes facts worth knowing that are not inconsistencies (a deletion the server will finish on start)
 */
record VerifyReport(Path root, List<StreamInspection> streams, List<ConsumerSummary> consumers,
                    List<StoreInconsistency> inconsistencies, List<String> notes) {

    VerifyReport {
        streams = List.copyOf(streams);
        consumers = List.copyOf(consumers);
        inconsistencies = List.copyOf(inconsistencies);
        notes = List.copyOf(notes);
    }

    boolean consistent() {
        return inconsistencies.isEmpty();
    }

    long repairable() {
        return inconsistencies.stream().filter(StoreInconsistency::repairable).count();
    }
}
