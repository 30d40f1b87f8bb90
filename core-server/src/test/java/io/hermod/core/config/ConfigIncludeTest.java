package io.hermod.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigIncludeTest {
    @TempDir
    Path dir;

    private final ConfigParser parser = new ConfigParser(EnvironmentVariables.of(Map.of("FROM_ENV", "e")));

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void includedEntriesJoinTheIncludingBlockRelativeToTheIncludingFile() throws IOException {
        write("conf/sub/limits.conf", "max_payload: 2MB\n");
        write("conf/sub/auth.conf", "user: bob\n");
        Path main = write("conf/main.conf", "port: 1\ninclude ./sub/limits.conf\nauth {\n  include 'sub/auth.conf'\n}\n");
        assertEquals(Map.of("port", 1L, "max_payload", 2097152L, "auth", Map.of("user", "bob")),
                parser.parseFile(main).toPlain());
    }

    @Test
    void includeKeywordIsCaseInsensitiveAndPathMayBeDoubleQuoted() throws IOException {
        write("b.conf", "b: 2");
        Path main = write("a.conf", "INCLUDE \"b.conf\"; a: 1");
        assertEquals(Map.of("b", 2L, "a", 1L), parser.parseFile(main).toPlain());
    }

    @Test
    void absoluteIncludePathIsJoinedToTheIncludingDirectoryAsNatsServerDoes() throws IOException {
        write("conf/tmp/x.conf", "x: 1");
        Path main = write("conf/main.conf", "include /tmp/x.conf");
        assertEquals(Map.of("x", 1L), parser.parseFile(main).toPlain());
    }

    @Test
    void includedFileKeepsItsOwnPositions() throws IOException {
        write("b.conf", "\n  b: 2");
        Path main = write("a.conf", "include b.conf");
        assertEquals(new ConfigPosition(dir.resolve("b.conf").toString(), 2, 6),
                parser.parseFile(main).get("b").position());
    }

    @Test
    void includedFileDoesNotSeeTheIncludersVariablesButItsOwnBecomeVisible() throws IOException {
        write("uses.conf", "b: $a");
        write("defines.conf", "v: 7\nw: $FROM_ENV");
        assertThrows(ConfigException.class, () -> parser.parseFile(write("m1.conf", "a: 1\ninclude uses.conf")));
        assertEquals(Map.of("v", 7L, "w", "e", "c", 7L),
                parser.parseFile(write("m2.conf", "include defines.conf\nc: $v")).toPlain());
    }

    @Test
    void missingIncludeIsAnErrorAtTheIncludePath() throws IOException {
        Path main = write("a.conf", "a: 1\ninclude   nope.conf");
        ConfigException e = assertThrows(ConfigException.class, () -> parser.parseFile(main));
        assertTrue(e.getMessage().startsWith(main + ":2:11: can not read config file"), e.getMessage());
    }

    @Test
    void includeCycleIsAnError() throws IOException {
        write("a.conf", "include b.conf");
        write("b.conf", "include a.conf");
        ConfigException e = assertThrows(ConfigException.class, () -> parser.parseFile(dir.resolve("a.conf")));
        assertTrue(e.getMessage().contains("include cycle"), e.getMessage());
    }

    @Test
    void missingTopFileIsAnErrorWithoutPosition() {
        ConfigException e = assertThrows(ConfigException.class, () -> parser.parseFile(dir.resolve("none.conf")));
        assertEquals(null, e.position());
    }
}
