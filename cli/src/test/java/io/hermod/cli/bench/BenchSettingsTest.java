package io.hermod.cli.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchSettingsTest {

    private static BenchSettings settings(int publishers, int subscribers, long messages, boolean queue) {
        return new BenchSettings(NatsEndpoint.parse("127.0.0.1:4222"), "s", publishers, subscribers, messages, 16,
                queue, "q", Duration.ofSeconds(1), null);
    }

    @Test
    void publishersShareEveryMessageExactlyOnce() {
        BenchSettings s = settings(3, 1, 10, false);
        assertEquals(4, s.messagesForPublisher(0));
        assertEquals(3, s.messagesForPublisher(1));
        assertEquals(3, s.messagesForPublisher(2));
    }

    @Test
    void fanOutExpectsEverySubscriberToGetEveryMessageAndAQueueGroupEachOnce() {
        assertEquals(40, settings(1, 4, 10, false).expectedDeliveries());
        assertEquals(10, settings(1, 4, 10, true).expectedDeliveries());
    }

    @Test
    void endpointDefaultsTheSchemeAndPort() {
        NatsEndpoint endpoint = NatsEndpoint.parse("127.0.0.1");
        assertEquals("nats://127.0.0.1", endpoint.url());
        assertEquals(4222, endpoint.port());
    }
}
