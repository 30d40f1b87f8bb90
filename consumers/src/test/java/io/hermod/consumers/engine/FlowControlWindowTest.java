package io.hermod.consumers.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nats-server 2.9.10's flow control accounting: request past half the window, stall past it, double on answers. */
class FlowControlWindowTest {
    private static final int FIRST_WINDOW = FlowControlWindow.MAX_PENDING_BYTES / 16;

    @Test
    void requestsPastHalfTheWindowAndStallsPastAllOfIt() {
        FlowControlWindow w = new FlowControlWindow();
        assertFalse(w.onDelivered(FIRST_WINDOW / 2));
        assertTrue(w.onDelivered(1));
        w.requested("$JS.FC.S.C.abcd");
        assertEquals("$JS.FC.S.C.abcd", w.outstanding());
        assertFalse(w.onDelivered(FIRST_WINDOW / 2), "one request at a time");
        assertTrue(w.stalled());
    }

    @Test
    void onlyTheLatestRequestsAnswerReleasesItsBytesAndDoublesTheWindow() {
        FlowControlWindow w = new FlowControlWindow();
        w.onDelivered(FIRST_WINDOW / 2 + 1);
        w.requested("$JS.FC.S.C.0001");
        w.onDelivered(FIRST_WINDOW / 2 + 1);
        assertTrue(w.stalled());
        assertFalse(w.answered("$JS.FC.S.C.0000"));
        assertTrue(w.stalled());
        assertTrue(w.answered("$JS.FC.S.C.0001"));
        assertNull(w.outstanding());
        assertFalse(w.stalled());
        // half a window (the bytes delivered after the request) is left, of a window twice as large
        assertFalse(w.onDelivered(FIRST_WINDOW / 2 - 2));
        assertTrue(w.onDelivered(2));
        assertFalse(w.answered("$JS.FC.S.C.0001"), "already answered");
    }

    @Test
    void theWindowStopsGrowingAtTheMaximum() {
        FlowControlWindow w = new FlowControlWindow();
        for (int i = 0; i < 10; i++) {
            w.onDelivered(1);
            w.requested("r" + i);
            w.answered("r" + i);
        }
        assertFalse(w.onDelivered(FlowControlWindow.MAX_PENDING_BYTES / 2));
        assertTrue(w.onDelivered(1));
        w.requested("last");
        w.onDelivered(FlowControlWindow.MAX_PENDING_BYTES / 2);
        assertTrue(w.stalled());
    }
}
