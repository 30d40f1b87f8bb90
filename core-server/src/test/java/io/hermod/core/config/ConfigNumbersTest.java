package io.hermod.core.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.hermod.core.config.ConfigSyntaxTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigNumbersTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "42, 42", "-7, -7", "1k, 1000", "1K, 1000", "1kb, 1024", "1KB, 1024", "1Ki, 1024", "1KiB, 1024",
            "2m, 2000000", "1MB, 1048576", "1mb, 1048576", "1Mi, 1048576", "3mib, 3145728",
            "1g, 1000000000", "1GB, 1073741824", "1Gi, 1073741824",
            "1t, 1000000000000", "1TB, 1099511627776", "1p, 1000000000000000", "1PiB, 1125899906842624",
            "1e, 1000000000000000000", "1EB, 1152921504606846976", "-2k, -2000"})
    void sizeSuffixesMultiplyAsNatsServerDoes(String literal, long expected) {
        assertEquals(Map.of("a", expected), parse("a: " + literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10s", "1h30m", "2mx", "10x", "1h", "500ms"})
    void digitsFollowedByOtherLettersAreStrings(String literal) {
        assertEquals(Map.of("a", literal), parse("a: " + literal));
    }

    @Test
    void durationLikeValueMixingSizeSuffixAndDigitsIsASyntaxErrorUnlessQuoted() {
        // nats-server 2.9 reads "1m" as an integer and then chokes on "30s".
        assertThrows(ConfigException.class, () -> parse("a: 1m30s"));
        assertEquals(Map.of("a", "1m30s"), parse("a: \"1m30s\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1kbb", "1kii", "1mbi"})
    void unknownSuffixRunIsAnError(String literal) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("a: " + literal));
        assertTrue(e.getMessage().contains("unknown size suffix"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "10EB", "10000P"})
    void integersOutOfRangeAreErrors(String literal) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("a: " + literal));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void floatsNeedADigitOnEachSideOfTheDot() {
        assertThrows(ConfigException.class, () -> parse("a: .5"));
        assertThrows(ConfigException.class, () -> parse("a: 5."));
    }

    @Test
    void negativeNumberFollowedByLettersIsAnError() {
        assertThrows(ConfigException.class, () -> parse("a: -5x"));
    }

    @Test
    void partialDatesAreErrors() {
        assertThrows(ConfigException.class, () -> parse("a: 2024-02-03"));
        assertThrows(ConfigException.class, () -> parse("a: 12-02"));
    }
}
