package io.hermod.cli.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AckLedgerTest {

    @Test
    void denseAcksInAnyOrderAreClean() {
        AckLedger ledger = new AckLedger("S", 1, 4);
        ledger.ack("S", 3, false);
        ledger.ack("S", 1, false);
        ledger.ack("S", 4, false);
        ledger.ack("S", 2, false);
        assertTrue(ledger.clean());
        assertEquals(4, ledger.acked());
        assertEquals(0, ledger.gaps());
        assertTrue(ledger.problems().isEmpty());
    }

    @Test
    void aMissingSequenceIsAGapEvenWhenTheCountAddsUp() {
        AckLedger ledger = new AckLedger("S", 1, 3);
        ledger.ack("S", 1, false);
        ledger.ack("S", 1, false);
        ledger.ack("S", 3, false);
        assertFalse(ledger.clean());
        assertEquals(3, ledger.acked());
        assertEquals(1, ledger.gaps());
        assertEquals(1, ledger.duplicates());
        assertEquals(2, ledger.problems().size());
    }

    @Test
    void sequencesAreCountedFromTheStreamsNextOne() {
        AckLedger ledger = new AckLedger("S", 101, 2);
        ledger.ack("S", 101, false);
        ledger.ack("S", 103, false);
        assertEquals(1, ledger.outOfRange());
        assertEquals(1, ledger.gaps());
        assertFalse(ledger.clean());
    }

    @Test
    void errorsAnotherStreamAndDuplicateFlagsSpoilTheRun() {
        AckLedger errors = new AckLedger("S", 1, 1);
        errors.ack("S", 1, false);
        errors.error("timeout");
        assertFalse(errors.clean());
        assertTrue(errors.problems().get(0).contains("timeout"));

        AckLedger other = new AckLedger("S", 1, 1);
        other.ack("T", 1, false);
        assertFalse(other.clean());

        AckLedger flagged = new AckLedger("S", 1, 1);
        flagged.ack("S", 1, true);
        assertFalse(flagged.clean());
    }

    @Test
    void storageNamesParseInAnyCase() {
        assertEquals(JsStorage.FILE, JsStorage.parse("file"));
        assertEquals(JsStorage.MEMORY, JsStorage.parse(" Memory "));
        assertEquals("memory", JsStorage.MEMORY.label());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> JsStorage.parse("disk"));
    }

    @Test
    void aPidFileHoldsOnePositiveNumber() {
        assertEquals(4242L, JetStreamRestartCheck.parsePid("4242\n"));
        assertEquals(null, JetStreamRestartCheck.parsePid(""));
        assertEquals(null, JetStreamRestartCheck.parsePid("42 43"));
        assertEquals(null, JetStreamRestartCheck.parsePid("0"));
        assertEquals(null, JetStreamRestartCheck.parsePid("-5"));
    }
}
