package io.hermod.core.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.hermod.core.config.ConfigSyntaxTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigErrorPositionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a: 1\\nb: 2 3                 | hermod.conf:2:6  | after a top-level value",
            "a: 1\\n\\n  b {\\n   c: 1 d\\n} | hermod.conf:4:9  | after a value",
            "a: [1 2]                      | hermod.conf:1:7  | after an array value",
            "a: \"open                     | hermod.conf:1:9  | unterminated quoted string",
            "a: \"bad \\q\"                | hermod.conf:1:11 | invalid escape character 'q'",
            "a:\\n 1                       | hermod.conf:1:3  | expected a value for key 'a'",
            "= 1                           | hermod.conf:1:1  | unexpected key separator '='",
            "a: [1,, 2]                    | hermod.conf:1:7  | unexpected ','",
            "a { b: 1                      | hermod.conf:1:9  | after a value but got end of file",
            "a: .5                         | hermod.conf:1:4  | floats must start with a digit",
            "a: (\\nno end                 | hermod.conf:2:7  | unterminated block string",
            "a: 5kbb                       | hermod.conf:1:4  | unknown size suffix",
            "x: $nope                      | hermod.conf:1:4  | variable reference for 'nope' can not be found",
    })
    void syntaxErrorNamesFileLineAndColumn(String text, String position, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(text.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith(position + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(position, e.position().toString());
    }
}
