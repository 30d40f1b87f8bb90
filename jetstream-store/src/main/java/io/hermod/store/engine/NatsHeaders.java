package io.hermod.store.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes NATS header blocks ({@code NATS/1.0[ status text]\r\nName: value\r\n...\r\n\r\n}). Names are
 * matched exactly, as nats-server does when it looks up {@code Nats-Msg-Id} and the other JetStream headers.
 * Stateless.
 */
public final class NatsHeaders {
    public static final String MSG_ID = "Nats-Msg-Id";
    public static final String EXPECTED_STREAM = "Nats-Expected-Stream";
    public static final String EXPECTED_LAST_SEQ = "Nats-Expected-Last-Sequence";
    public static final String EXPECTED_LAST_SUBJECT_SEQ = "Nats-Expected-Last-Subject-Sequence";
    public static final String EXPECTED_LAST_MSG_ID = "Nats-Expected-Last-Msg-Id";
    public static final String ROLLUP = "Nats-Rollup";
    private static final String VERSION_LINE = "NATS/1.0";

    private NatsHeaders() {
    }

    /** The first value of {@code name} in the block (trimmed), or null when the block or the header is absent. */
    public static String get(byte[] block, String name) {
        if (block == null || block.length == 0) {
            return null;
        }
        String text = new String(block, StandardCharsets.UTF_8);
        int lineStart = text.indexOf("\r\n");
        while (lineStart >= 0) {
            int start = lineStart + 2;
            int end = text.indexOf("\r\n", start);
            if (end < 0) {
                end = text.length();
            }
            if (end == start) {
                return null;
            }
            int colon = text.indexOf(':', start);
            if (colon > start && colon < end && text.regionMatches(start, name, 0, name.length())
                    && colon - start == name.length()) {
                return text.substring(colon + 1, end).trim();
            }
            lineStart = end < text.length() ? end : -1;
        }
        return null;
    }

    /**
     * The block {@code original} (or an empty one) with {@code extra} appended after its own headers, in order.
     */
    public static byte[] append(byte[] original, List<Map.Entry<String, String>> extra) {
        StringBuilder b = new StringBuilder(128);
        if (original == null || original.length == 0) {
            b.append(VERSION_LINE).append("\r\n");
        } else {
            String text = new String(original, StandardCharsets.UTF_8);
            b.append(text.endsWith("\r\n\r\n") ? text.substring(0, text.length() - 2) : text);
        }
        for (Map.Entry<String, String> e : extra) {
            b.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A block with only a status line, such as {@code NATS/1.0 404 Message Not Found}. */
    public static byte[] status(int code, String text) {
        return (VERSION_LINE + " " + code + " " + text + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
