package io.hermod.store.file;

import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.kv.ColumnFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreDirectoryDeleteTest {
    @TempDir
    Path dir;

    private static List<String> keysOf(StoreDirectory d, ColumnFamily cf) {
        List<String> keys = new ArrayList<>();
        d.keyValueStorage().scan(cf, new byte[0], null, (k, v) -> keys.add(new String(k, StandardCharsets.UTF_8)));
        return keys;
    }

    @Test
    void deleteRemovesConfigLogAndIndexesButNotOtherStreams() {
        try (StoreDirectory d = StoreDirectory.open(dir)) {
            StreamStore a = d.openStream(StreamStoreConfig.of("A"), "{\"name\":\"A\"}".getBytes(StandardCharsets.UTF_8), 42);
            StreamStore ab = d.openStream(StreamStoreConfig.of("AB"));
            a.appendOnce("id", "a", new byte[0], new byte[3]).join();
            ab.append("ab", new byte[0], new byte[3]).join();
            assertThrows(IllegalStateException.class, () -> d.deleteStream("A"));
            a.close();
            assertTrue(d.deleteStream("A"));
            assertFalse(d.deleteStream("A"));
            assertFalse(Files.exists(d.logDirectory("A")));
            assertEquals(List.of("AB"), d.storedConfigs().stream().map(StreamStoreConfig::name).toList());
            for (ColumnFamily cf : new ColumnFamily[] {ColumnFamily.STREAM_STATE, ColumnFamily.SEQ_INDEX,
                    ColumnFamily.SUBJECT_INDEX, ColumnFamily.DEDUPE}) {
                assertTrue(keysOf(d, cf).stream().noneMatch(k -> k.substring(2).startsWith("A") && !k.substring(2).startsWith("AB")),
                        cf + ": " + keysOf(d, cf));
            }
            assertEquals(1, ab.state().messages());
            StreamStore again = d.openStream(StreamStoreConfig.of("A"));
            assertEquals(0, again.state().messages());
            assertEquals(1, again.append("a", new byte[0], new byte[1]).join());
        }
    }

    @Test
    void deletionInterruptedAfterItsMarkerIsFinishedOnOpen() throws Exception {
        try (StoreDirectory d = StoreDirectory.open(dir)) {
            StreamStore s = d.openStream(StreamStoreConfig.of("X"));
            s.append("x", new byte[0], new byte[1]).join();
            s.close();
            Files.createFile(d.logDirectory("X").resolve("hermod-deleting"));
        }
        try (StoreDirectory d = StoreDirectory.open(dir)) {
            assertEquals(List.of(), d.storedConfigs());
            assertFalse(Files.exists(d.logDirectory("X")));
            assertEquals(0, d.openStream(StreamStoreConfig.of("X")).state().messages());
        }
    }

    @Test
    void storedStreamsReturnWhatWasRecordedBesideTheConfig() {
        byte[] nats = "{\"name\":\"S\"}".getBytes(StandardCharsets.UTF_8);
        try (StoreDirectory d = StoreDirectory.open(dir)) {
            d.openStream(StreamStoreConfig.of("S"), nats, 1234).close();
        }
        try (StoreDirectory d = StoreDirectory.open(dir)) {
            StoreDirectory.StoredStream s = d.storedStreams().get(0);
            assertEquals(StreamStoreConfig.of("S"), s.config());
            assertArrayEquals(nats, s.natsConfig());
            assertEquals(1234, s.createdNanos());
        }
    }
}
