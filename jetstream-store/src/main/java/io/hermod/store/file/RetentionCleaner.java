package io.hermod.store.file;

import io.hermod.store.index.SequenceIndex;
import io.hermod.store.log.StreamLog;
import io.hermod.store.stream.StreamContents;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the log's whole cycle files that lie entirely below the stream's first sequence, and the sequence runs
 * that pointed into them. The cycle of the last document is always kept (replay starts after it). The derived
 * state that no longer needs those files is committed (through the given action) before any file is deleted,
 * so a crash in between leaves RocksDB pointing at what is still on disk. Writer thread only.
 */
final class RetentionCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionCleaner.class);

    private final StreamLog log;
    private final SequenceIndex sequences;
    private int keptFromCycle = Integer.MIN_VALUE;

    RetentionCleaner(StreamLog log, SequenceIndex sequences) {
        this.log = log;
        this.sequences = sequences;
    }

    /**
     * Commits derived state with {@code commit} (told whether to sync RocksDB's WAL: it must when files are about
     * to go), then deletes what retention allows.
     */
    void clean(StreamContents contents, long lastLogIndex, Consumer<Boolean> commit) {
        sequences.removeBelow(contents.firstSeq());
        int cutoff = Integer.MAX_VALUE;
        if (lastLogIndex >= 0) {
            cutoff = log.cycleOf(lastLogIndex);
        }
        if (contents.state().messages() > 0) {
            long firstIndex = sequences.logIndexOf(contents.firstSeq());
            if (firstIndex >= 0) {
                cutoff = Math.min(cutoff, log.cycleOf(firstIndex));
            }
        }
        boolean deleting = cutoff != Integer.MAX_VALUE && cutoff > keptFromCycle && log.firstCycle() < cutoff;
        commit.accept(deleting);
        if (!deleting) {
            return;
        }
        List<Path> deleted = log.deleteCyclesBelow(cutoff);
        keptFromCycle = cutoff;
        if (!deleted.isEmpty()) {
            LOG.info("{}: retention removed {} cycle file(s) below cycle {}", log.directory(), deleted.size(), cutoff);
        }
    }
}
