package io.hermod.store.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The defaults {@link StreamConfigValidator} fills in are those nats-server 2.9.10 echoes in its create replies. */
class StreamConfigDefaultsTest {
    private final StreamConfigValidator validator = new StreamConfigValidator();

    @Test
    void aBareNameGetsTheDefaultsNatsServerReplies() {
        CapturedReply captured = CapturedReply.load("stream-create-defaults");

        StreamConfig config = validator.validateCreate("ORDERS", request(captured), List.of());

        assertEquals(captured.replyField("config"), GoJson.writeString(config));
    }

    @Test
    void explicitValuesAreKeptAsNatsServerKeepsThem() {
        CapturedReply captured = CapturedReply.load("stream-create-full");

        StreamConfig config = validator.validateCreate("KV", request(captured), List.of());

        assertEquals(captured.replyField("config"), GoJson.writeString(config));
    }

    @Test
    void subjectsDefaultToTheStreamName() {
        StreamConfig config = validator.applyDefaults(StreamConfig.named("ORDERS"));

        assertEquals(List.of("ORDERS"), config.subjects());
    }

    @Test
    void namesWithWhitespaceOrWildcardsAreRefused() {
        for (String name : List.of("a b", "a\tb", "a.b", "a*", "b>", "")) {
            JsApiException refused = assertThrows(JsApiException.class,
                    () -> validator.applyDefaults(StreamConfig.named(name)));
            assertEquals(JsApiError.STREAM_INVALID_CONFIG.error(
                    "stream name is required and can not contain '.', '*', '>'"), refused.error(), name);
        }
    }

    @Test
    void zeroLimitsMeanUnlimited() {
        StreamConfig config = validator.applyDefaults(StreamConfig.named("S"));

        assertEquals(-1, config.maxMsgs());
        assertEquals(-1, config.maxBytes());
        assertEquals(-1, config.maxMsgsPerSubject());
        assertEquals(-1, config.maxMsgSize());
        assertEquals(-1, config.maxConsumers());
        assertEquals(0, config.maxAgeNanos());
        assertEquals(1, config.numReplicas());
        assertEquals(StorageType.FILE, config.storage());
        assertEquals(RetentionPolicy.LIMITS, config.retention());
        assertEquals(DiscardPolicy.OLD, config.discard());
    }

    @Test
    void negativeLimitsOtherThanMinusOneAreKeptAsNatsServerDoes() {
        StreamConfig config = validator.applyDefaults(StreamConfig.builder("S").maxMsgs(-5).maxBytes(-7).build());

        assertEquals(-5, config.maxMsgs());
        assertEquals(-7, config.maxBytes());
    }

    @Test
    void duplicateWindowDefaultsToTwoMinutes() {
        StreamConfig config = validator.applyDefaults(StreamConfig.named("S"));

        assertEquals(TimeUnit.MINUTES.toNanos(2), config.duplicateWindowNanos());
    }

    @Test
    void duplicateWindowDefaultsToMaxAgeWhenThatIsShorter() {
        long second = TimeUnit.SECONDS.toNanos(1);

        StreamConfig config = validator.applyDefaults(StreamConfig.builder("S").maxAgeNanos(second).build());

        assertEquals(second, config.duplicateWindowNanos());
    }

    @Test
    void aMirrorGetsNoDuplicateWindowAndNoSubjects() {
        StreamConfig config = validator.applyDefaults(
                StreamConfig.builder("M").mirror(new StreamSource("A", 0, null, null, null)).build());

        assertEquals(0, config.duplicateWindowNanos());
        assertEquals(List.of(), config.subjects());
    }

    @Test
    void republishWithoutSourceRepublishesEverySubject() {
        StreamConfig config = validator.applyDefaults(StreamConfig.builder("R").subjects("r.>")
                .republish(new RePublish("", "out.>", false)).build());

        assertEquals(">", config.republish().source());
    }

    @Test
    void creatingAnExistingStreamWithTheSameConfigurationIsAccepted() {
        StreamConfig first = validator.validateCreate("S", StreamConfig.named("S"), List.of());

        assertEquals(first, validator.validateCreate("S", StreamConfig.named("S"), List.of(first)));
    }

    private static StreamConfig request(CapturedReply captured) {
        return GoJson.read(captured.request(), StreamConfig.class);
    }
}
