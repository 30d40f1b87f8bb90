package io.hermod.store.api;

import io.nats.client.api.StreamConfiguration;
import io.nats.client.support.JsonParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jnats 2.26.2's JetStreamManagement talks to Hermod unchanged: what jnats sends for a stream reads and validates,
 * and what Hermod replies reads back into jnats's own model with the same values.
 */
class JnatsCompatibilityTest {
    private final StreamConfigValidator validator = new StreamConfigValidator();

    @Test
    void aDefaultJnatsStreamConfigurationValidates() {
        String sent = StreamConfiguration.builder().name("ORDERS").subjects("orders.>").build().toJson();

        StreamConfig config = validator.validateCreate("ORDERS", GoJson.read(sent, StreamConfig.class), List.of());

        assertEquals(List.of("orders.>"), config.subjects());
        assertEquals(-1, config.maxMsgs());
        assertEquals(StreamConfigValidator.DEFAULT_DUPLICATE_WINDOW_NANOS, config.duplicateWindowNanos());
    }

    @Test
    void jnatsReadsHermodsCreateReply() throws Exception {
        StreamConfig config = validator.validateCreate("KV", StreamConfig.builder("KV").subjects("kv.*")
                .maxAgeNanos(Duration.ofHours(1).toNanos()).storage(StorageType.MEMORY).maxMsgsPerSubject(1)
                .discard(DiscardPolicy.NEW).discardNewPerSubject(true).allowDirect(true).build(), List.of());
        String reply = GoJson.writeString(StreamCreateResponse.of(
                new StreamInfo(config, Instant.parse("2026-11-27T08:05:41.84656414Z"), StreamState.empty(0), null),
                true));

        io.nats.client.api.StreamInfo info = new io.nats.client.api.StreamInfo(
                JsonParser.parse(reply.toCharArray()));

        StreamConfiguration seen = info.getConfiguration();
        assertEquals("KV", seen.getName());
        assertEquals(List.of("kv.*"), seen.getSubjects());
        assertEquals(Duration.ofHours(1), seen.getMaxAge());
        assertEquals(Duration.ofMinutes(2), seen.getDuplicateWindow());
        assertEquals(io.nats.client.api.StorageType.Memory, seen.getStorageType());
        assertEquals(io.nats.client.api.DiscardPolicy.New, seen.getDiscardPolicy());
        assertEquals(1, seen.getMaxMsgsPerSubject());
        assertTrue(seen.getAllowDirect());
        assertTrue(seen.isDiscardNewPerSubject());
        assertEquals(0, info.getStreamState().getMsgCount());
        assertFalse(info.getStreamState().getFirstTime() == null);
    }
}
