package io.hermod.consumers.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header block of a {@code headers_only} delivery: the message's own headers plus {@code Nats-Msg-Size} with
 * the size of the payload left out, as nats-server 2.9.10's {@code genHeader} appends it.
 */
final class HeadersOnly {
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private HeadersOnly() {
    }

    static byte[] headers(byte[] original, int payloadSize) {
        String line = "Nats-Msg-Size: " + payloadSize + "\r\n\r\n";
        byte[] head = original.length > CRLF.length
                ? Arrays.copyOf(original, original.length - CRLF.length)
                : "NATS/1.0\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = line.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }
}
