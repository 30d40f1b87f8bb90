package io.hermod.cli.jetstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields that differ between two configurations in NATS's JSON format, compared as JSON so that every field
 * the client knows is covered. A field absent on one side holds the server's default there.
 */
public final class ConfigDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One changed field; a null side means the field is absent (its default). */
    public record Change(String field, JsonNode before, JsonNode after) {
    }

    private final List<Change> changes;

    private ConfigDiff(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    public static ConfigDiff between(String beforeJson, String afterJson) {
        ObjectNode before = parse(beforeJson);
        ObjectNode after = parse(afterJson);
        Set<String> fields = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode b = before.get(field);
            JsonNode a = after.get(field);
            if (!equivalent(b, a)) {
                changes.add(new Change(field, b, a));
            }
        }
        return new ConfigDiff(changes);
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** A diff in the manner of {@code diff -u}: {@code -} the current value, {@code +} the new one. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Change c : changes) {
            if (c.before() != null) {
                lines.add("-   \"" + c.field() + "\": " + c.before());
            }
            if (c.after() != null) {
                lines.add("+   \"" + c.field() + "\": " + c.after());
            }
        }
        return lines;
    }

    private static boolean equivalent(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return isDefault(a) && isDefault(b);
        }
        return a.equals(b);
    }

    /** What jnats leaves out of its JSON when unset: nothing, false, zero, "", [] or {}. */
    private static boolean isDefault(JsonNode n) {
        if (n == null || n.isNull()) {
            return true;
        }
        if (n.isBoolean()) {
            return !n.booleanValue();
        }
        if (n.isNumber()) {
            return n.longValue() == 0;
        }
        if (n.isTextual()) {
            return n.textValue().isEmpty();
        }
        if (n.isContainerNode()) {
            Iterator<JsonNode> it = n.elements();
            return !it.hasNext();
        }
        return false;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
