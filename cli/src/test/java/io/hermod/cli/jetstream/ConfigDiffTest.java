package io.hermod.cli.jetstream;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigDiffTest {
    @Test
    void changedFieldsAreListedCurrentThenNewInFieldOrder() {
        ConfigDiff diff = ConfigDiff.between("{\"name\":\"S\",\"max_age\":1,\"subjects\":[\"a\"]}",
                "{\"name\":\"S\",\"max_age\":2,\"subjects\":[\"a\",\"b\"]}");
        assertEquals(List.of("-   \"max_age\": 1", "+   \"max_age\": 2", "-   \"subjects\": [\"a\"]",
                "+   \"subjects\": [\"a\",\"b\"]"), diff.lines());
    }

    @Test
    void aFieldLeftOutEqualsItsDefaultValue() {
        assertTrue(ConfigDiff.between("{\"deny_delete\":false,\"max_msgs\":0,\"description\":\"\"}", "{}").isEmpty());
        ConfigDiff added = ConfigDiff.between("{}", "{\"deny_delete\":true}");
        assertEquals(List.of("+   \"deny_delete\": true"), added.lines());
        ConfigDiff removed = ConfigDiff.between("{\"description\":\"x\"}", "{}");
        assertEquals(List.of("-   \"description\": \"x\""), removed.lines());
    }
}
