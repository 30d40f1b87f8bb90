package io.hermod.properties;

import io.hermod.core.protocol.ProtocolParser;
import io.hermod.core.protocol.RecordingListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** The parser reads the same operations however the byte stream is split into reads. */
class ProtocolParserProperties {

    /** One client operation: its wire form and how the recording listener writes it down. */
    record Op(String wire, String recorded) {
        @Override
        public String toString() {
            return wire.replace("\r\n", "\\r\\n");
        }
    }

    private static final String[] SUBJECTS = {"a", "foo.bar", "x.*.z", "q.>", "_INBOX.abc.1"};

    private static Gen<Op> ops() {
        Gen<String> subject = integers().between(0, SUBJECTS.length - 1).map(i -> SUBJECTS[i]);
        Gen<String> payload = SourceDSL.strings().ascii().ofLengthBetween(0, 40);
        Gen<Op> pub = subject.zip(payload, integers().between(0, 1), (s, p, withReply) -> withReply == 1
                ? new Op("PUB " + s + " r." + s + " " + p.length() + "\r\n" + p + "\r\n",
                        "PUB " + s + " r." + s + " -1 [" + p + "]")
                : new Op("PUB " + s + " " + p.length() + "\r\n" + p + "\r\n", "PUB " + s + " null -1 [" + p + "]"));
        Gen<Op> hpub = subject.zip(payload, (s, p) -> {
            String headers = "NATS/1.0\r\nK: " + p.length() + "\r\n\r\n";
            String body = headers + p;
            return new Op("HPUB " + s + " " + headers.length() + " " + body.length() + "\r\n" + body + "\r\n",
                    "PUB " + s + " null " + headers.length() + " [" + body + "]");
        });
        Gen<Op> sub = subject.zip(integers().between(1, 999), integers().between(0, 1), (s, sid, q) -> q == 1
                ? new Op("SUB " + s + " grp " + sid + "\r\n", "SUB " + s + " grp " + sid)
                : new Op("sub " + s + "\t" + sid + "\r\n", "SUB " + s + " null " + sid));
        Gen<Op> unsub = integers().between(1, 999).zip(integers().between(-1, 5), (sid, max) -> max < 0
                ? new Op("UNSUB " + sid + "\r\n", "UNSUB " + sid + " -1")
                : new Op("UNSUB " + sid + " " + max + "\r\n", "UNSUB " + sid + " " + max));
        Gen<Op> control = integers().between(0, 3).map(i -> switch (i) {
            case 0 -> new Op("PING\r\n", "PING");
            case 1 -> new Op("PONG\r\n", "PONG");
            case 2 -> new Op("+OK\r\n", "+OK");
            default -> new Op("CONNECT {\"verbose\":false,\"name\":\"p q\"}\r\n",
                    "CONNECT {\"verbose\":false,\"name\":\"p q\"}");
        });
        return pub.mix(hpub, 30).mix(sub, 25).mix(unsub, 15).mix(control, 20);
    }

    @Test
    void anySplitOfTheStreamYieldsTheSameOperations() {
        qt().withExamples(400)
                .forAll(lists().of(ops()).ofSizeBetween(1, 30), lists().of(integers().between(1, 64)).ofSizeBetween(1, 20))
                .checkAssert((ops, cuts) -> {
                    StringBuilder wire = new StringBuilder();
                    List<String> expected = new ArrayList<>();
                    for (Op op : ops) {
                        wire.append(op.wire());
                        expected.add(op.recorded());
                    }
                    byte[] bytes = wire.toString().getBytes(StandardCharsets.ISO_8859_1);
                    assertEquals(expected, parseInChunks(bytes, cuts));
                });
    }

    /** Feeds the bytes in reads of the given sizes (cycled), keeping unread bytes as a connection does. */
    private static List<String> parseInChunks(byte[] bytes, List<Integer> sizes) {
        RecordingListener listener = new RecordingListener();
        ProtocolParser parser = new ProtocolParser(listener, 4096, 1024 * 1024);
        ByteBuf pending = Unpooled.buffer();
        int offset = 0;
        int i = 0;
        while (offset < bytes.length) {
            int n = Math.min(sizes.get(i++ % sizes.size()), bytes.length - offset);
            pending.writeBytes(bytes, offset, n);
            offset += n;
            parser.parse(pending);
            pending.discardReadBytes();
        }
        return listener.ops;
    }
}
