package io.hermod.core.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolParserTest {

    private static List<String> parse(String wire) {
        return parse(wire, 4096, 1024 * 1024);
    }

    private static List<String> parse(String wire, int maxControlLine, int maxPayload) {
        RecordingListener listener = new RecordingListener();
        ProtocolParser parser = new ProtocolParser(listener, maxControlLine, maxPayload);
        ByteBuf buf = Unpooled.copiedBuffer(wire, StandardCharsets.ISO_8859_1);
        parser.parse(buf);
        return listener.ops;
    }

    @Test
    void parsesEveryClientOperation() {
        assertEquals(List.of(
                "CONNECT {\"verbose\":false, \"name\":\"a b\"}",
                "PUB foo null -1 [hello]",
                "PUB foo reply -1 []",
                "PUB h r 12 [NATS/1.0\r\n\r\nab]",
                "SUB foo null 1",
                "SUB foo.* workers 2",
                "UNSUB 1 -1",
                "UNSUB 2 5",
                "PING",
                "PONG",
                "+OK",
                "-ERR 'boom'",
                "ERROR (silent close)"),
                parse("CONNECT {\"verbose\":false, \"name\":\"a b\"}\r\n"
                        + "PUB foo 5\r\nhello\r\n"
                        + "PUB foo reply 0\r\n\r\n"
                        + "HPUB h r 12 14\r\nNATS/1.0\r\n\r\nab\r\n"
                        + "SUB foo 1\r\nSUB foo.* workers 2\r\nUNSUB 1\r\nUNSUB 2 5\r\n"
                        + "PING\r\nPONG\r\n+OK\r\n-ERR 'boom'\r\n"));
    }

    @Test
    void operationNamesAreCaseInsensitiveAndTabsSeparate() {
        assertEquals(List.of("PUB foo null -1 [x]", "SUB foo null 1", "PING"),
                parse("pub\tfoo  1\r\nx\r\nsub foo\t1\r\nping\r\n"));
    }

    @Test
    void bareLineFeedEndsALine() {
        assertEquals(List.of("PING", "PUB a null -1 [b]"), parse("PING\nPUB a 1\nb\r\n"));
    }

    @Test
    void payloadMayContainCrLfAndSpaces() {
        assertEquals(List.of("PUB a null -1 [x\r\ny z]"), parse("PUB a 6\r\nx\r\ny z\r\n"));
    }

    @Test
    void incompleteOperationWaitsForMoreBytes() {
        RecordingListener listener = new RecordingListener();
        ProtocolParser parser = new ProtocolParser(listener, 4096, 1024);
        ByteBuf buf = Unpooled.buffer();
        buf.writeCharSequence("PUB foo 5\r\nhel", StandardCharsets.US_ASCII);
        parser.parse(buf);
        assertTrue(listener.ops.isEmpty());
        assertEquals(11, buf.readerIndex(), "the control line is consumed, the partial payload stays");
        buf.writeCharSequence("lo\r\nPI", StandardCharsets.US_ASCII);
        parser.parse(buf);
        assertEquals(List.of("PUB foo null -1 [hello]"), listener.ops);
        buf.writeCharSequence("NG\r\n", StandardCharsets.US_ASCII);
        parser.parse(buf);
        assertEquals(List.of("PUB foo null -1 [hello]", "PING"), listener.ops);
        assertFalse(buf.isReadable());
    }

    @Test
    void unknownOperationIsFatal() {
        assertEquals(List.of("ERROR Unknown Protocol Operation"), parse("FOO bar\r\nPING\r\n"));
        assertEquals(List.of("ERROR Unknown Protocol Operation"), parse("MSG a 1 1\r\nx\r\n"));
        assertEquals(List.of("ERROR Unknown Protocol Operation"), parse("\r\n"));
        assertEquals(List.of("ERROR Unknown Protocol Operation"), parse(" PING\r\n"));
        assertEquals(List.of("ERROR Unknown Protocol Operation"), parse("PUB\r\n"));
    }

    @Test
    void pingAndPongAreReadByTheirNameAloneAsNatsServerDoes() {
        assertEquals(List.of("PING", "PING", "PONG"), parse("PINGX\r\nPING foo\r\nPONG bar\r\n"));
    }

    @Test
    void clientInfoIsIgnored() {
        assertEquals(List.of("PING"), parse("INFO {}\r\nPING\r\n"));
    }

    @Test
    void payloadWithoutTrailingCrLfIsFatal() {
        assertEquals(List.of("ERROR Unknown Protocol Operation"), parse("PUB a 1\r\nxyz\r\n"));
    }

    @Test
    void payloadOverMaxIsFatal() {
        assertEquals(List.of("ERROR Maximum Payload Violation"), parse("PUB a 11\r\n01234567890\r\n", 4096, 10));
        assertEquals(List.of("ERROR Maximum Payload Violation"), parse("HPUB a 2 11\r\n", 4096, 10));
    }

    @Test
    void controlLineOverMaxIsFatalEvenBeforeItsEnd() {
        String longSubject = "a".repeat(200);
        assertEquals(List.of("ERROR maximum control line exceeded"), parse("SUB " + longSubject + " 1\r\n", 128, 1024));
        assertEquals(List.of("ERROR maximum control line exceeded"), parse("SUB " + longSubject, 128, 1024));
    }

    @Test
    void malformedArgumentsCloseWithoutAWord() {
        for (String wire : List.of("PUB foo\r\n", "PUB foo abc\r\n", "PUB foo -1\r\n", "PUB a b c d\r\n",
                "HPUB foo 10 5\r\n", "HPUB foo 12\r\n", "SUB foo\r\n", "SUB a b c d\r\n", "CONNECT\r\n")) {
            assertEquals(List.of("ERROR (silent close)"), parse(wire), wire);
        }
    }

    @Test
    void unsubscribeWithANonNumericMaximumMeansNone() {
        assertEquals(List.of("UNSUB 1 -1"), parse("UNSUB 1 x\r\n"));
    }
}
