package io.hermod.store.log;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream's Chronicle Queue: documents of raw bytes, each at a Chronicle index ({@code cycle, position in
 * cycle}), in files of one roll cycle each.
 *
 * <p>What Chronicle guarantees and what this class adds: Chronicle writes a document's 32-bit header with the
 * not-complete bit set, then its bytes, then the header's final length with an ordered store; readers never see a
 * document whose header is still not complete, and after a process crash (SIGKILL) an appender that finds such
 * a header left by a dead process recovers the queue's write lock and writes past it. Chronicle does not force
 * anything to disk by itself: {@link #sync()} calls {@code fdatasync} on every cycle file written since the last
 * sync (which on Linux writes back the dirty pages of the shared mapping too) and on the directory when a cycle
 * file was created. What a machine crash can still tear (a header that reached the disk without its bytes) is
 * caught by {@link LogRecordCodec}'s checksum.
 *
 * <p>Threads: {@link #append} and {@link #sync} are for the one writer thread; reads may come from any thread
 * (each uses its own tailer).
 */
public final class StreamLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamLog.class);

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final DateTimeFormatter cycleFileNames;
    private ExcerptAppender appender;
    private Thread appenderOwner;
    private final Map<File, FileChannel> unsynced = new LinkedHashMap<>();
    /** One tailer per reading thread (tailers are single-threaded and costly to create); closed with the log. */
    private final List<ExcerptTailer> tailers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ThreadLocal<Reader> readers = ThreadLocal.withInitial(this::newReader);
    private File lastFile;
    private boolean directoryUnsynced;

    private StreamLog(Path directory, RollCycle rollCycle, TimeProvider time) {
        this.directory = directory;
        this.queue = SingleChronicleQueueBuilder.binary(directory).rollCycle(rollCycle).timeProvider(time).build();
        this.cycleFileNames = DateTimeFormatter.ofPattern(rollCycle.format()).withZone(ZoneOffset.UTC);
    }

    public static StreamLog open(Path directory, RollCycle rollCycle, TimeProvider time) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        return new StreamLog(directory, rollCycle, time);
    }

    public Path directory() {
        return directory;
    }

    public RollCycle rollCycle() {
        return queue.rollCycle();
    }

    /** Appends one document; returns its index. Writer thread only. */
    public long append(byte[] document) {
        if (appender == null) {
            appender = queue.createAppender();
            appenderOwner = Thread.currentThread();
        } else if (appenderOwner != Thread.currentThread()) {
            // Recovery appends on the opening thread, then the stream's writer thread takes over.
            appender.singleThreadedCheckReset();
            appenderOwner = Thread.currentThread();
        }
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(document);
        }
        File file = appender.currentFile();
        if (file != null && !file.equals(lastFile)) {
            lastFile = file;
            if (!unsynced.containsKey(file)) {
                unsynced.put(file, openForSync(file));
                directoryUnsynced = true;
            }
        }
        return appender.lastIndexAppended();
    }

    /**
     * Forces every document appended so far to disk: {@code fdatasync} of each cycle file written since the last
     * sync, and of the directory when a file was created. Writer thread only.
     */
    public void sync() {
        try {
            for (Map.Entry<File, FileChannel> entry : unsynced.entrySet()) {
                entry.getValue().force(false);
            }
            if (directoryUnsynced) {
                try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                    dir.force(true);
                }
                directoryUnsynced = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fsync of the log in " + directory + " failed", e);
        }
        // Keep the channel of the file still being written; later syncs need it again.
        unsynced.entrySet().removeIf(entry -> {
            if (entry.getKey().equals(lastFile)) {
                return false;
            }
            closeQuietly(entry.getValue());
            return true;
        });
    }

    private Reader newReader() {
        ExcerptTailer tailer = queue.createTailer();
        tailers.add(tailer);
        return new Reader(tailer);
    }

    /**
     * The bytes of the document at {@code index}, or {@code null} when there is none.
     *
     * <p>Consumers read a stream in order, so each thread's tailer stays where its last read left it: when the
     * requested document lies a little ahead (the next one, or past a few non-message records) the tailer reads
     * on to it; otherwise it moves to the index, which in Chronicle scans the cycle's index from an index entry.
     */
    public byte[] read(long index) {
        Reader reader = readers.get();
        if (reader.lastRead >= 0 && index > reader.lastRead) {
            byte[] ahead = reader.readAhead(index);
            if (ahead != null) {
                return ahead;
            }
        }
        return reader.readAt(index);
    }

    /** A thread's tailer and the index of the document it read last ({@code -1}: its position is unknown). */
    private static final class Reader {
        /** Documents read on before giving up and moving by index: enough for records between messages. */
        private static final int MAX_READ_AHEAD = 8;

        private final ExcerptTailer tailer;
        private long lastRead = -1;

        Reader(ExcerptTailer tailer) {
            this.tailer = tailer;
        }

        byte[] readAt(long index) {
            lastRead = -1;
            if (!tailer.moveToIndex(index)) {
                return null;
            }
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent() || dc.isMetaData() || dc.index() != index) {
                    return null;
                }
                lastRead = index;
                return toArray(dc.wire().bytes());
            }
        }

        /** Reads on from the last document to {@code index}; null (position unknown) when it is not just ahead. */
        byte[] readAhead(long index) {
            for (int i = 0; i < MAX_READ_AHEAD; i++) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        // At the end (or the next cycle's file is gone): the tailer stays where it was.
                        return null;
                    }
                    long at = dc.index();
                    if (dc.isMetaData()) {
                        continue;
                    }
                    if (at == index) {
                        lastRead = index;
                        return toArray(dc.wire().bytes());
                    }
                    if (at > index || at <= lastRead) {
                        lastRead = -1;
                        return null;
                    }
                }
            }
            lastRead = -1;
            return null;
        }
    }

    /**
     * Visits documents in order, starting after {@code afterIndex} ({@code -1}, or an index no longer in the
     * log: from the first document), until the visitor returns {@code false} or the log ends.
     */
    public void scanAfter(long afterIndex, Predicate<LogDocument> visitor) {
        try (ExcerptTailer tailer = queue.createTailer()) {
            boolean skipFirst = false;
            if (afterIndex >= 0 && tailer.moveToIndex(afterIndex)) {
                skipFirst = true;
            } else {
                tailer.toStart();
            }
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return;
                    }
                    if (dc.isMetaData()) {
                        continue;
                    }
                    long index = dc.index();
                    if (skipFirst) {
                        skipFirst = false;
                        if (index == afterIndex) {
                            continue;
                        }
                    }
                    if (afterIndex >= 0 && index <= afterIndex) {
                        continue;
                    }
                    if (!visitor.test(new LogDocument(index, toArray(dc.wire().bytes())))) {
                        return;
                    }
                }
            }
        }
    }

    /** The index of the last document, or {@code -1} for an empty log. */
    public long lastIndex() {
        long last = queue.lastIndex();
        return last == Long.MIN_VALUE ? -1 : last;
    }

    /** The oldest cycle that has a file, or {@link Integer#MAX_VALUE} when there is none. */
    public int firstCycle() {
        return queue.firstCycle();
    }

    public int cycleOf(long index) {
        return queue.rollCycle().toCycle(index);
    }

    /**
     * Deletes the cycle files of every cycle strictly below {@code cycle}; returns the deleted files. Writer
     * thread only. The file being appended to is never below the cycle of the last document, which callers keep.
     */
    public List<Path> deleteCyclesBelow(int cycle) {
        List<Path> deleted = new ArrayList<>();
        int first = queue.firstCycle();
        if (first == Integer.MAX_VALUE || first >= cycle) {
            return deleted;
        }
        // Both bounds of listCyclesBetween must name existing files: list up to the newest, keep those below.
        for (long c : queue.listCyclesBetween(first, queue.lastCycle()).headSet((long) cycle, false)) {
            Path file = directory.resolve(cycleFileNames.format(
                    Instant.ofEpochMilli(c * queue.rollCycle().lengthInMillis())) + SingleChronicleQueue.SUFFIX);
            try {
                FileChannel channel = unsynced.remove(file.toFile());
                if (channel != null) {
                    channel.force(false);
                    closeQuietly(channel);
                }
                if (Files.deleteIfExists(file)) {
                    deleted.add(file);
                }
            } catch (IOException e) {
                LOG.warn("cannot delete cycle file {}", file, e);
            }
        }
        if (!deleted.isEmpty()) {
            queue.refreshDirectoryListing();
            LOG.debug("retention deleted {} cycle files of {}", deleted.size(), directory);
        }
        return deleted;
    }

    @Override
    public void close() {
        try {
            if (!unsynced.isEmpty()) {
                sync();
            }
        } finally {
            unsynced.values().forEach(StreamLog::closeQuietly);
            for (ExcerptTailer tailer : tailers) {
                tailer.singleThreadedCheckReset();
                tailer.close();
            }
            unsynced.clear();
            if (appender != null) {
                appender.singleThreadedCheckReset();
                appender.close();
            }
            queue.close();
        }
    }

    private static byte[] toArray(Bytes<?> bytes) {
        byte[] out = new byte[(int) bytes.readRemaining()];
        bytes.read(out);
        return out;
    }

    private static FileChannel openForSync(File file) {
        try {
            return FileChannel.open(file.toPath(), StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " to fsync it", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a sync channel failed", e);
        }
    }
}
