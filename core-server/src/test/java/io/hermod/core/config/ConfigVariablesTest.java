package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigMap;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.hermod.core.config.ConfigSyntaxTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigVariablesTest {

    private static Object parseWithEnvironment(String text, Map<String, String> env) {
        return new ConfigParser(EnvironmentVariables.of(env)).parseText(text, Path.of("hermod.conf")).toPlain();
    }

    @Test
    void variableTakesTheValueOfAKeyDefinedEarlierInTheFile() {
        assertEquals(Map.of("size", 1048576L, "max_payload", 1048576L), parse("size: 1MB\nmax_payload: $size"));
    }

    @Test
    void variableSeesKeysOfEveryEnclosingBlockInnermostFirst() {
        String text = "a: outer\nb: top\nx {\n a: inner\n y { c: $a, d: $b }\n}";
        assertEquals(Map.of("c", "inner", "d", "top"),
                ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) parse(text)).get("x")).get("y")));
    }

    @Test
    void variableInsideAnArraySeesTheEnclosingBlock() {
        assertEquals(Map.of("v", 1L, "a", List.of(1L, Map.of("w", 1L))), parse("v: 1\na: [$v, {w: $v}]"));
    }

    @Test
    void variableCanCopyAWholeBlock() {
        assertEquals(Map.of("a", Map.of("k", "v"), "b", Map.of("k", "v")), parse("a {k: v}\nb: $a"));
    }

    @Test
    void keyOfAClosedSiblingBlockIsNotVisible() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("a { b: 1 }\nc: $b"));
        assertEquals("hermod.conf:2:4: variable reference for 'b' can not be found", e.getMessage());
    }

    @Test
    void undefinedVariableFallsBackToTheEnvironment() {
        assertEquals(Map.of("name", "from-env"), parseWithEnvironment("name: $NAME", Map.of("NAME", "from-env")));
    }

    @Test
    void environmentValueIsReadAsAConfigValue() {
        assertEquals(Map.of("p", 4222L, "s", 2048L, "b", true, "l", List.of(1L, 2L)),
                parseWithEnvironment("p: $P\ns: $S\nb: $B\nl: $L",
                        Map.of("P", "4222", "S", "2KB", "B", "yes", "L", "[1, 2]")));
    }

    @Test
    void fileDefinitionWinsOverTheEnvironment() {
        assertEquals(Map.of("X", "file", "y", "file"), parseWithEnvironment("X: file\ny: $X", Map.of("X", "env")));
    }

    @Test
    void environmentValueThatDoesNotParseCountsAsMissing() {
        assertThrows(ConfigException.class, () -> parseWithEnvironment("a: $V", Map.of("V", "two words")));
    }

    @Test
    void selfReferringEnvironmentValueEndsAsMissing() {
        assertThrows(ConfigException.class, () -> parseWithEnvironment("a: $V", Map.of("V", "$V")));
    }

    @Test
    void quotedDollarIsText() {
        assertEquals(Map.of("a", "$HOME", "b", "$HOME"), parse("a: \"$HOME\"\nb: '$HOME'"));
    }

    @Test
    void unquotedBcryptHashIsKeptAsText() {
        assertEquals(Map.of("p", "$2a$11$abc"), parse("p: $2a$11$abc"));
    }

    @Test
    void variableValueTakesThePositionOfTheReference() {
        ConfigMap root = new ConfigParser(EnvironmentVariables.of(Map.of())).parseText("a: 1\nb: $a",
                Path.of("hermod.conf"));
        assertEquals(new ConfigPosition("hermod.conf", 2, 4), root.get("b").position());
    }

    @Test
    void referencedKeysAreMarkedAsUsed() {
        ConfigMap root = new ConfigParser(EnvironmentVariables.of(Map.of())).parseText("a: 1\nb: $a",
                Path.of("hermod.conf"));
        assertTrue(root.entries().get("a").usedAsVariable());
        assertFalse(root.entries().get("b").usedAsVariable());
    }
}
