package io.hermod.cli.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MsgFrameCounterTest {

    /** Server output with payloads that look like protocol, plus lines that are not messages. */
    private static byte[] serverStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "INFO {\"server_id\":\"x\"}\r\n+OK\r\n");
        frame(out, "MSG a.b 1 5\r\n", "hello");
        frame(out, "MSG a.b 1 _INBOX.x.y 0\r\n", "");
        frame(out, "MSG a.b 1 14\r\n", "MSG a.b 1 99\r\n"); // a payload that looks like a control line
        write(out, "PING\r\n");
        frame(out, "HMSG a.b 1 12 17\r\n", "NATS/1.0\r\n\r\nhello");
        frame(out, "msg a.b 1 3\r\n", "\r\n\n");
        write(out, "PING\r\n");
        frame(out, "MSG a.b 1 1000\r\n", "x".repeat(1000));
        return out.toByteArray();
    }

    private static final int MESSAGES_IN_STREAM = 6;

    @Test
    void countsEveryMessageWhenTheStreamIsSplitAtEveryPossibleByte() {
        byte[] stream = serverStream();
        for (int split = 0; split <= stream.length; split++) {
            MsgFrameCounter counter = new MsgFrameCounter();
            int seen = counter.feed(stream, 0, split) + counter.feed(stream, split, stream.length - split);
            assertEquals(MESSAGES_IN_STREAM, seen, "split at " + split);
            assertEquals(MESSAGES_IN_STREAM, counter.messages());
            assertEquals(2, counter.takePings());
            assertEquals(0, counter.takePings());
            assertNull(counter.lastError());
        }
    }

    @Test
    void countsRepeatedStreamsFedInRandomChunks() {
        byte[] stream = serverStream();
        int repeats = 200;
        byte[] all = new byte[stream.length * repeats];
        for (int i = 0; i < repeats; i++) {
            System.arraycopy(stream, 0, all, i * stream.length, stream.length);
        }
        Random random = new Random(42);
        MsgFrameCounter counter = new MsgFrameCounter();
        int offset = 0;
        while (offset < all.length) {
            int length = Math.min(all.length - offset, 1 + random.nextInt(97));
            counter.feed(all, offset, length);
            offset += length;
        }
        assertEquals((long) MESSAGES_IN_STREAM * repeats, counter.messages());
        assertEquals(2L * repeats, counter.takePings());
    }

    @Test
    void remembersTheServersLastError() {
        MsgFrameCounter counter = new MsgFrameCounter();
        byte[] bytes = "-ERR 'Slow Consumer'\r\n".getBytes(StandardCharsets.US_ASCII);
        counter.feed(bytes, 0, bytes.length);
        assertEquals("-ERR 'Slow Consumer'", counter.lastError());
        assertEquals(0, counter.messages());
    }

    private static void frame(ByteArrayOutputStream out, String controlLine, String payload) {
        write(out, controlLine + payload + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
