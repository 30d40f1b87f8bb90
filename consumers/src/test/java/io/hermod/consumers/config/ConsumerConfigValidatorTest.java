package io.hermod.consumers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hermod.store.api.GoJson;
import io.hermod.store.api.JsApiException;
import io.hermod.store.api.RetentionPolicy;
import io.hermod.store.api.StreamConfig;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ConsumerConfigValidatorTest {
    static final StreamConfig S = StreamConfig.builder("S").subjects("s.>").numReplicas(1).maxConsumers(-1).build();
    static final StreamConfig W = StreamConfig.builder("W").subjects("w.>").numReplicas(1).maxConsumers(-1)
            .retention(RetentionPolicy.WORKQUEUE).build();

    private final ConsumerConfigValidator validator = new ConsumerConfigValidator();

    static Stream<ConsumerConfigCases.Case> errorCases() {
        return ConsumerConfigCases.CASES.stream().filter(c -> c.errCode() != 0);
    }

    @ParameterizedTest
    @MethodSource("errorCases")
    void refusesAsNatsServerDoes(ConsumerConfigCases.Case c) {
        ConsumerConfig config = GoJson.read(c.configJson(), ConsumerConfig.class);
        JsApiException e = assertThrows(JsApiException.class,
                () -> validator.validateNew(config, c.stream().equals("W") ? W : S, List.of()));
        assertEquals(c.errCode(), e.error().errCode());
        assertEquals(c.description(),
                e.error().description());
    }

    @Test
    void pullExplicitDefaults() {
        ConsumerConfig c = validator.validateNew(
                ConsumerConfig.builder().durableName("d").ackPolicy(AckPolicy.EXPLICIT).build(), S, List.of());
        assertEquals(30_000_000_000L, c.ackWaitNanos());
        assertEquals(-1, c.maxDeliver());
        assertEquals(1000, c.maxAckPending());
        assertEquals(512, c.maxWaiting());
        assertEquals(DeliverPolicy.ALL, c.deliverPolicy());
        assertEquals(ReplayPolicy.INSTANT, c.replayPolicy());
    }

    @Test
    void pushAckNoneHasNoAckWaitNorMaxAckPending() {
        ConsumerConfig c = validator.validateNew(ConsumerConfig.builder().deliverSubject("out").build(), S, List.of());
        assertEquals(0, c.ackWaitNanos());
        assertEquals(0, c.maxAckPending());
        assertEquals(0, c.maxWaiting());
        assertEquals(-1, c.maxDeliver());
    }

    @Test
    void backoffSetsTheAckWait() {
        ConsumerConfig c = validator.applyDefaults(ConsumerConfig.builder().ackPolicy(AckPolicy.EXPLICIT)
                .backoffNanos(List.of(7L, 9L)).maxDeliver(3).build());
        assertEquals(7L, c.ackWaitNanos());
    }

    @Test
    void namesAreChecked() {
        assertEquals(10103, assertThrows(JsApiException.class, () -> validator.validateNew(
                ConsumerConfig.builder().name("a.b").build(), S, List.of())).error().errCode());
        assertEquals(10102, assertThrows(JsApiException.class, () -> validator.validateNew(
                ConsumerConfig.builder().durableName("d".repeat(256)).build(), S, List.of())).error().errCode());
        assertEquals(10132, assertThrows(JsApiException.class, () -> validator.validateNew(
                ConsumerConfig.builder().durableName("d").name("e").build(), S, List.of())).error().errCode());
        assertEquals(10012, assertThrows(JsApiException.class, () -> validator.validateNew(
                ConsumerConfig.builder().filterSubjects(List.of("s.a", "s.b")).build(), S, List.of()))
                .error().errCode(), "filter_subjects is refused");
    }

    @Test
    void workQueueConsumersMustNotOverlap() {
        ConsumerConfig first = ConsumerConfig.builder().ackPolicy(AckPolicy.EXPLICIT).filterSubject("w.a.*").build();
        ConsumerConfig overlapping = ConsumerConfig.builder().ackPolicy(AckPolicy.EXPLICIT).filterSubject("w.>")
                .build();
        ConsumerConfig unfiltered = ConsumerConfig.builder().ackPolicy(AckPolicy.EXPLICIT).build();
        assertEquals(10100, assertThrows(JsApiException.class,
                () -> validator.validateNew(overlapping, W, List.of(first))).error().errCode());
        assertEquals(10099, assertThrows(JsApiException.class,
                () -> validator.validateNew(unfiltered, W, List.of(first))).error().errCode());
        validator.validateNew(ConsumerConfig.builder().ackPolicy(AckPolicy.EXPLICIT).filterSubject("w.b").build(), W,
                List.of(first));
    }

    @Test
    void maxConsumersOfTheStreamIsEnforced() {
        StreamConfig one = S.toBuilder().maxConsumers(1).build();
        assertEquals(10026, assertThrows(JsApiException.class, () -> validator.validateNew(
                ConsumerConfig.builder().build(), one, List.of(ConsumerConfig.builder().build()))).error().errCode());
    }

    @Test
    void jsonUsesNatsNamesAndOmitsEmptyFields() {
        ConsumerConfig c = validator.validateNew(
                ConsumerConfig.builder().durableName("d").ackPolicy(AckPolicy.EXPLICIT).filterSubject("s.>").build(),
                S, List.of());
        assertEquals("{\"durable_name\":\"d\",\"deliver_policy\":\"all\",\"ack_policy\":\"explicit\","
                + "\"ack_wait\":30000000000,\"max_deliver\":-1,\"filter_subject\":\"s.\\u003e\","
                + "\"replay_policy\":\"instant\",\"max_waiting\":512,\"max_ack_pending\":1000,\"num_replicas\":0}",
                GoJson.writeString(c));
        assertEquals(c, GoJson.read(GoJson.writeString(c), ConsumerConfig.class));
    }
}
