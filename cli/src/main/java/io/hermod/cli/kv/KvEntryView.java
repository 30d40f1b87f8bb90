package io.hermod.cli.kv;

import io.nats.client.api.KeyValueEntry;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A key-value entry as the commands show it. */
final class KvEntryView {
    private KvEntryView() {
    }

    static Map<String, Object> toJson(KeyValueEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bucket", e.getBucket());
        json.put("key", e.getKey());
        json.put("revision", e.getRevision());
        json.put("operation", e.getOperation().name());
        json.put("created", e.getCreated() == null ? null : e.getCreated().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        json.put("value", Base64.getEncoder().encodeToString(e.getValue() == null ? new byte[0] : e.getValue()));
        return json;
    }

    static String value(KeyValueEntry e) {
        return e.getValue() == null ? "" : new String(e.getValue(), StandardCharsets.UTF_8);
    }

    static String time(KeyValueEntry e) {
        return e.getCreated() == null ? "" : e.getCreated().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** One line per change, as {@code nats kv watch} prints them. */
    static String line(KeyValueEntry e) {
        String head = "[" + time(e) + "] " + e.getOperation().name() + " " + e.getBucket() + " > " + e.getKey();
        return switch (e.getOperation()) {
            case PUT -> head + ": " + value(e);
            default -> head;
        };
    }
}
