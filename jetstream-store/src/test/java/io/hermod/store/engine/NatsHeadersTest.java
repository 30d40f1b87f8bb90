package io.hermod.store.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NatsHeadersTest {
    private static byte[] block(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheFirstValueByExactName() {
        byte[] h = block("NATS/1.0\r\nNats-Msg-Id: abc \r\nX: 1\r\nX: 2\r\n\r\n");
        assertEquals("abc", NatsHeaders.get(h, "Nats-Msg-Id"));
        assertEquals("1", NatsHeaders.get(h, "X"));
        assertNull(NatsHeaders.get(h, "nats-msg-id"));
        assertNull(NatsHeaders.get(h, "Nats-Msg"));
        assertNull(NatsHeaders.get(new byte[0], "X"));
        assertNull(NatsHeaders.get(null, "X"));
    }

    @Test
    void appendsAfterTheOriginalHeadersOrStartsABlock() {
        List<Map.Entry<String, String>> extra = List.of(Map.entry("A", "1"), Map.entry("B", "2"));
        assertEquals("NATS/1.0\r\nFoo: bar\r\nA: 1\r\nB: 2\r\n\r\n", new String(
                NatsHeaders.append(block("NATS/1.0\r\nFoo: bar\r\n\r\n"), extra), StandardCharsets.UTF_8));
        assertEquals("NATS/1.0\r\nA: 1\r\nB: 2\r\n\r\n",
                new String(NatsHeaders.append(new byte[0], extra), StandardCharsets.UTF_8));
    }

    @Test
    void statusBlock() {
        assertEquals("NATS/1.0 404 Message Not Found\r\n\r\n",
                new String(NatsHeaders.status(404, "Message Not Found"), StandardCharsets.UTF_8));
    }
}
