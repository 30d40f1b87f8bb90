package io.hermod.consumers.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key layout of the consumer column families: a prefix-free consumer prefix (uint16 length + UTF-8 stream name,
 * uint16 length + UTF-8 consumer name); in consumer_state the prefix plus {@code 0x00} holds the header and the
 * prefix plus {@code 0x01} plus the big-endian stream sequence holds one tracked message, so a consumer's messages
 * sort by sequence; the prefix plus {@code 0x02} holds a {@code last_per_subject} consumer's start list (big-endian
 * uint64 sequences).
 */
final class StateKeys {
    static final byte HEADER = 0;
    static final byte MESSAGE = 1;
    static final byte START_LIST = 2;

    private StateKeys() {
    }

    static byte[] streamPrefix(String stream) {
        byte[] s = utf8(stream);
        return ByteBuffer.allocate(2 + s.length).putShort((short) s.length).put(s).array();
    }

    static byte[] consumer(ConsumerId id) {
        byte[] s = utf8(id.stream());
        byte[] n = utf8(id.name());
        return ByteBuffer.allocate(4 + s.length + n.length)
                .putShort((short) s.length).put(s).putShort((short) n.length).put(n).array();
    }

    static byte[] header(byte[] consumerPrefix) {
        return ByteBuffer.allocate(consumerPrefix.length + 1).put(consumerPrefix).put(HEADER).array();
    }

    static byte[] startList(byte[] consumerPrefix) {
        return ByteBuffer.allocate(consumerPrefix.length + 1).put(consumerPrefix).put(START_LIST).array();
    }

    static byte[] messagesPrefix(byte[] consumerPrefix) {
        return ByteBuffer.allocate(consumerPrefix.length + 1).put(consumerPrefix).put(MESSAGE).array();
    }

    static byte[] message(byte[] consumerPrefix, long streamSeq) {
        return ByteBuffer.allocate(consumerPrefix.length + 9).put(consumerPrefix).put(MESSAGE).putLong(streamSeq)
                .array();
    }

    static long messageSeq(byte[] key) {
        return ByteBuffer.wrap(key, key.length - 8, 8).getLong();
    }

    /** The first key after every key that starts with {@code prefix} (for range deletes). */
    static byte[] end(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return java.util.Arrays.copyOf(end, i + 1);
            }
        }
        throw new IllegalArgumentException("prefix has no successor");
    }

    private static byte[] utf8(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("name too long: " + bytes.length + " bytes");
        }
        return bytes;
    }
}
