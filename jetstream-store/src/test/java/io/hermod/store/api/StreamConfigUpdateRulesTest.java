package io.hermod.store.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an update may change, and what sealing does, as nats-server 2.9.10 decides it. */
class StreamConfigUpdateRulesTest {
    private final StreamConfigValidator validator = new StreamConfigValidator();
    private final StreamConfig orders = validator.validateCreate("ORDERS", StreamConfig.named("ORDERS"), List.of());

    @Test
    void subjectsAndLimitsCanChangeWithTheResultNatsServerReplies() {
        CapturedReply captured = CapturedReply.load("stream-update-subjects");
        StreamConfig requested = GoJson.read(captured.request(), StreamConfig.class);

        StreamConfig updated = validator.validateUpdate("ORDERS", requested, orders, List.of(orders));

        assertEquals(captured.replyField("config"), GoJson.writeString(updated));
    }

    @Test
    void storageCanNotChange() {
        CapturedReply captured = CapturedReply.load("stream-update-storage");
        StreamConfig requested = GoJson.read(captured.request(), StreamConfig.class);

        JsApiException refused = assertThrows(JsApiException.class,
                () -> validator.validateUpdate("ORDERS", requested, orders, List.of(orders)));

        assertEquals(captured.replyField("error"), GoJson.writeString(refused.error()));
    }

    @Test
    void sealingDropsMaxAgeDiscardsNewAndDeniesDeleteAndPurge() {
        StreamConfig withAge = validator.validateCreate("S", StreamConfig.builder("S")
                .maxAgeNanos(TimeUnit.MINUTES.toNanos(1)).allowRollupHeaders(true).build(), List.of());

        StreamConfig sealed = validator.validateUpdate("S", withAge.toBuilder().sealed(true).build(), withAge,
                List.of(withAge));

        assertEquals(0, sealed.maxAgeNanos());
        assertEquals(DiscardPolicy.NEW, sealed.discard());
        assertTrue(sealed.denyDelete());
        assertTrue(sealed.denyPurge());
        assertEquals(false, sealed.allowRollupHeaders());
        assertEquals(TimeUnit.MINUTES.toNanos(1), sealed.duplicateWindowNanos());
    }

    @Test
    void denyFlagsCanBeSetButNotCancelled() {
        StreamConfig denying = validator.validateUpdate("ORDERS",
                orders.toBuilder().denyDelete(true).denyPurge(true).build(), orders, List.of(orders));

        assertThrows(JsApiException.class, () -> validator.validateUpdate("ORDERS",
                denying.toBuilder().denyDelete(false).build(), denying, List.of(denying)));
    }

    @Test
    void theStreamItselfDoesNotCountAsOverlapping() {
        StreamConfig wider = orders.toBuilder().subjects("ORDERS", "ORDERS.>").build();

        assertEquals(List.of("ORDERS", "ORDERS.>"),
                validator.validateUpdate("ORDERS", wider, orders, List.of(orders)).subjects());
    }

    @Test
    void metadataIsKeptAndEchoed() {
        StreamConfig tagged = validator.validateUpdate("ORDERS",
                orders.toBuilder().metadata(Map.of("team", "billing")).build(), orders, List.of(orders));

        assertEquals(Map.of("team", "billing"), tagged.metadata());
    }
}
