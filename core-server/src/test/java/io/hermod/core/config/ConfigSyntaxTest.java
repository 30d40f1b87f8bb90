package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigSyntaxTest {

    static Object parse(String text) {
        return new ConfigParser(EnvironmentVariables.of(Map.of())).parseText(text, Path.of("hermod.conf")).toPlain();
    }

    static ConfigMap tree(String text) {
        return new ConfigParser(EnvironmentVariables.of(Map.of())).parseText(text, Path.of("hermod.conf"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: 1", "a = 1", "a 1", "a:1", "a=1", "a\t1", "  a :  1  ", "a\n1"})
    void keyAndValueMayBeSeparatedByColonEqualsOrWhiteSpace(String text) {
        assertEquals(Map.of("a", 1L), parse(text));
    }

    @Test
    void topLevelEntriesEndAtNewLineSemicolonCommaOrComment() {
        assertEquals(Map.of("a", 1L, "b", 2L, "c", 3L, "d", 4L), parse("a: 1; b: 2, c: 3 # x\nd: 4"));
    }

    @Test
    void blocksNestWithOrWithoutSeparatorAndAcceptCommaSemicolonOrNewLineBetweenEntries() {
        Object expected = Map.of("x", Map.of("a", 1L, "b", 2L, "c", Map.of("d", true)));
        assertEquals(expected, parse("x { a: 1, b = 2; c { d: true } }"));
        assertEquals(expected, parse("x: {\n  a 1\n  b: 2\n  c = {d: true}\n}"));
        assertEquals(expected, parse("x = {a:1\n\n b:2, c:{\n d:true\n }}"));
    }

    @Test
    void blockValueMayStartOnTheNextLine() {
        assertEquals(Map.of("x", Map.of("a", 1L)), parse("x {\n a:\n 1\n}"));
    }

    @Test
    void arraysTakeCommasOrNewLinesAndMixedTypes() {
        Object expected = Map.of("a", List.of(1L, "two", true, List.of(), Map.of("k", "v")));
        assertEquals(expected, parse("a: [1, two, true, [], {k: v}]"));
        assertEquals(expected, parse("a [\n  1\n  two\n  true,\n  []\n  {k: v}\n]"));
        assertEquals(Map.of("a", List.of("x")), parse("a: [x, ]"));
    }

    @Test
    void integerRightBeforeTheClosingBracketIsAccepted() {
        assertEquals(Map.of("a", List.of(1L, 2L)), parse("a: [1, 2]"));
    }

    @Test
    void commentsMayUseHashOrDoubleSlashAnywhereBetweenValues() {
        String text = """
                # leading
                // another
                a: 1 // trailing
                b [ # in array
                  1 # after element
                  // own line
                  2
                ]
                c { # in block
                  d: 3 # after value
                }
                """;
        assertEquals(Map.of("a", 1L, "b", List.of(1L, 2L), "c", Map.of("d", 3L)), parse(text));
    }

    @Test
    void doubleQuotedStringsInterpretEscapes() {
        assertEquals(Map.of("a", "t\tn\nr\rq\"b\\xA\u00e9"), parse("a: \"t\\tn\\nr\\rq\\\"b\\\\x\\x41\\xc3\\xa9\""));
    }

    @Test
    void singleQuotedStringsAreRaw() {
        assertEquals(Map.of("a", "x\\ty # $Z"), parse("a: 'x\\ty # $Z'"));
    }

    @Test
    void unquotedStringsRunToWhiteSpaceOrTerminatorAndKeepHashInside() {
        assertEquals(Map.of("a", "nats://host:4222/x", "b", "x#y"), parse("a: nats://host:4222/x\nb: x#y"));
    }

    @Test
    void unquotedStringsInterpretEscapesAndThenAreNeverBooleans() {
        assertEquals(Map.of("a", "a\tb", "b", "true"), parse("a: a\\tb\nb: tru\\x65"));
    }

    @Test
    void quotedKeysMayHoldSpacesAndSeparators() {
        assertEquals(Map.of("a b", 1L, "c:d", 2L), parse("\"a b\" = 1\n'c:d': 2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "yes", "Yes", "on", "ON"})
    void trueWordsAreBooleans(String word) {
        assertEquals(Map.of("a", true), parse("a: " + word));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "NO", "off", "Off"})
    void falseWordsAreBooleans(String word) {
        assertEquals(Map.of("a", false), parse("a: " + word));
    }

    @Test
    void quotedBooleanWordsStayStrings() {
        assertEquals(Map.of("a", "yes"), parse("a: \"yes\""));
    }

    @Test
    void floatsAndNegativeNumbersAreRead() {
        assertEquals(Map.of("a", 1.5, "b", -2L, "c", -0.25), parse("a: 1.5\nb: -2\nc: -0.25"));
    }

    @Test
    void dottedNumbersAreAddressStrings() {
        assertEquals(Map.of("a", "127.0.0.1:4222", "b", "1.2.3"), parse("a: 127.0.0.1:4222\nb: 1.2.3"));
    }

    @Test
    void zuluDateTimesAreRead() {
        assertEquals(Map.of("a", Instant.parse("2024-02-03T04:05:06Z")), parse("a: 2024-02-03T04:05:06Z"));
    }

    @Test
    void blockStringRunsUntilACloseParenthesisAloneOnALine() {
        assertEquals(Map.of("a", "\nline one\n  (two) )\n", "b", 1L), parse("a: (\nline one\n  (two) )\n)\nb: 1"));
    }

    @Test
    void fileMayBeWrappedInBraces() {
        assertEquals(Map.of("a", 1L, "b", 2L), parse("{\n a: 1\n b: 2\n}\n"));
    }

    @Test
    void repeatedKeyTakesTheLastValue() {
        assertEquals(Map.of("a", 2L), parse("a: 1\na: 2"));
    }

    @Test
    void keysKeepTheirCaseInTheTree() {
        assertEquals(Map.of("Port", 1L, "port", 2L), parse("Port: 1\nport: 2"));
    }

    @Test
    void everyValueKnowsItsFileLineAndColumn() {
        ConfigMap root = tree("a: 1\n  b {\n    c: [x, \"y\"]\n  }\n");
        assertEquals(new ConfigPosition("hermod.conf", 1, 4), root.get("a").position());
        assertEquals(new ConfigPosition("hermod.conf", 2, 3), root.entries().get("b").keyPosition());
        ConfigMap b = (ConfigMap) root.get("b");
        assertEquals(new ConfigPosition("hermod.conf", 2, 5), b.position());
        ConfigValue.ConfigArray c = (ConfigValue.ConfigArray) b.get("c");
        assertEquals(new ConfigPosition("hermod.conf", 3, 8), c.position());
        assertEquals(new ConfigPosition("hermod.conf", 3, 9), c.values().get(0).position());
        assertEquals(new ConfigPosition("hermod.conf", 3, 12), c.values().get(1).position());
    }

    @Test
    void emptyFileGivesEmptyTree() {
        assertEquals(Map.of(), parse("  # nothing\n\n"));
    }

    @Test
    void keyWithoutValueIsAnError() {
        assertThrows(ConfigException.class, () -> parse("a"));
        assertThrows(ConfigException.class, () -> parse("x { a }"));
    }
}
