package io.hermod.cli.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProcFilesTest {

    @Test
    void sumsUserAndSystemTicksEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1234 567 0 0 20 0 31 0 "
                + "987654 4567890123 45678 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0\n";
        assertEquals(1234 + 567, ProcFiles.cpuTicks(stat));
    }

    @Test
    void rejectsAStatLineWithoutACommandName() {
        assertThrows(IllegalArgumentException.class, () -> ProcFiles.cpuTicks("4242 S 1 2 3"));
    }

    @Test
    void readsResidentMemoryFromStatus() {
        String status = "Name:\tnats-server\nVmPeak:\t 1252816 kB\nVmRSS:\t   17616 kB\nRssAnon:\t    9000 kB\n";
        assertEquals(17616, ProcFiles.rssKiB(status));
    }

    @Test
    void readsTheStartTimeAndUptime() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1234 567 0 0 20 0 31 0 "
                + "987654 4567890123 45678 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0\n";
        assertEquals(987654, ProcFiles.startTicks(stat));
        assertEquals(12345.67, ProcFiles.uptimeSeconds("12345.67 23456.78\n"), 1e-9);
    }
}
