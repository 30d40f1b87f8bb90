package io.hermod.cli.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryTallyTest {

    @Test
    void everySequenceOnceInAnyOrderIsComplete() {
        DeliveryTally tally = new DeliveryTally(11, 3);
        tally.record(12, 1);
        tally.record(11, 1);
        assertFalse(tally.complete());
        assertEquals(1, tally.missing());
        tally.record(13, 1);
        assertTrue(tally.complete());
        assertEquals(3, tally.received());
        assertEquals(13, tally.lastSeq());
        assertEquals(0, tally.duplicates() + tally.redelivered() + tally.outOfRange());
    }

    @Test
    void duplicatesRedeliveriesAndStrangersAreCountedNotTakenForMissingOnes() {
        DeliveryTally tally = new DeliveryTally(1, 2);
        tally.record(1, 1);
        tally.record(1, 2);
        tally.record(3, 1);
        tally.record(0, 1);
        assertFalse(tally.complete());
        assertEquals(1, tally.missing());
        assertEquals(1, tally.duplicates());
        assertEquals(1, tally.redelivered());
        assertEquals(2, tally.outOfRange());
        assertEquals(4, tally.received());
    }
}
