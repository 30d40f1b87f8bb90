package io.hermod.core.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigGoDurationTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
            "0, 0", "2m, 120000000000", "10s, 10000000000", "1h30m, 5400000000000", "1.5s, 1500000000",
            "500ms, 500000000", "3us, 3000", "3\u00b5s, 3000", "7ns, 7", "-1m, -60000000000", "+2s, 2000000000",
            "1h1m1s1ms, 3661001000000", ".5s, 500000000", "1.s, 1000000000", "2562047h47m16.854775807s, 9223372036854775807"})
    void parsesGoDurationSyntax(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "1", "1d", "1 s", "-", "1.5", "2562047h47m16.854775808s", "abc"})
    void rejectsWhatGoRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
    }
}
