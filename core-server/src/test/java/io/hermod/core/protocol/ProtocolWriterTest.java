package io.hermod.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtocolWriterTest {

    private static String written(String subject, String sid, String reply, String headers, String payload,
                                  boolean receiverTakesHeaders) {
        byte[] head = headers == null ? new byte[0] : headers.getBytes(StandardCharsets.UTF_8);
        ByteBuf message = Unpooled.wrappedBuffer(head, payload.getBytes(StandardCharsets.UTF_8));
        ByteBuf out = Unpooled.buffer();
        ProtocolWriter.writeMessage(out, subject, sid, reply, headers == null ? -1 : head.length, message,
                receiverTakesHeaders);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void messageWithoutReplyOrHeaders() {
        assertEquals("MSG foo.bar 1 5\r\nhello\r\n", written("foo.bar", "1", null, null, "hello", true));
    }

    @Test
    void messageWithReplyAndEmptyPayload() {
        assertEquals("MSG foo 12 _INBOX.abc.1 0\r\n\r\n", written("foo", "12", "_INBOX.abc.1", null, "", true));
    }

    @Test
    void messageWithHeadersGoesOutAsHmsgWithBothSizes() {
        String headers = "NATS/1.0\r\nA: b\r\n\r\n";
        assertEquals("HMSG s 3 r 18 20\r\n" + headers + "hi\r\n", written("s", "3", "r", headers, "hi", true));
    }

    @Test
    void receiverWithoutHeaderSupportGetsThePayloadAlone() {
        assertEquals("MSG s 3 2\r\nhi\r\n", written("s", "3", null, "NATS/1.0\r\nA: b\r\n\r\n", "hi", false));
    }

    @Test
    void nonAsciiNamesAreWrittenAsUtf8() {
        assertEquals("MSG grüße.ü 1 _INBOX.é 2\r\nok\r\n", written("grüße.ü", "1", "_INBOX.é", null, "ok", true));
    }

    @Test
    void largeSizesKeepAllTheirDigits() {
        String payload = "x".repeat(1_234_567);
        String out = written("big", "7", null, null, payload, true);
        assertEquals("MSG big 7 1234567\r\n", out.substring(0, out.indexOf('\n') + 1));
        assertEquals(1_234_567 + "MSG big 7 1234567\r\n".length() + 2, out.length());
    }
}
