package io.hermod.consumers.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hermod.consumers.ManualClock;
import io.hermod.consumers.config.AckPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AckProtocolTest {
    private static AckMessage parse(String body) {
        return AckMessage.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void replySubjectRoundTrips() {
        AckReplySubject reply = new AckReplySubject("ORDERS", "worker", 2, 17, 40, 1_700_000_000_123456789L, 5);
        assertEquals("$JS.ACK.ORDERS.worker.2.17.40.1700000000123456789.5", reply.format());
        assertEquals(Optional.of(reply), AckReplySubject.parse(reply.format()));
    }

    @Test
    void malformedReplySubjectsAreIgnored() {
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK.ORDERS.worker.2.17.40.1"));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK.ORDERS.worker.2.x.40.1.5"));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK.ORDERS.worker.2.-1.40.1.5"));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.NAK.ORDERS.worker.2.17.40.1.5"));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK.ORDERS.worker.2.17.40.1.5.6"));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK.ORDERS.worker.2.17.40.1.5."));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK.ORDERS.worker.2.17..1.5"));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK..worker.2.17.40.1.5"));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK.ORDERS..2.17.40.1.5"));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK.ORDERS"));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK."));
        assertEquals(Optional.empty(), AckReplySubject.parse("$JS.ACK.ORDERS.worker.2.17.40.1.99999999999999999999"));
    }

    @Test
    void largestNumbersParse() {
        AckReplySubject reply = new AckReplySubject("S", "c", Long.MAX_VALUE, 1, 2, 3, 0);
        assertEquals(Optional.of(reply), AckReplySubject.parse(reply.format()));
    }

    @Test
    void bodiesAreReadAsNatsServerReadsThem() {
        assertEquals(new AckMessage.Ack(), parse(""));
        assertEquals(new AckMessage.Ack(), parse("+ACK"));
        assertEquals(new AckMessage.Ack(), parse("+OK"));
        assertEquals(new AckMessage.AckNext("{\"batch\":5}"), parse("+NXT {\"batch\":5}"));
        assertEquals(new AckMessage.Nak(0), parse("-NAK"));
        assertEquals(new AckMessage.Nak(5_000_000_000L), parse("-NAK 5s"));
        assertEquals(new AckMessage.Nak(90_500_000_000L), parse("-NAK 1m30.5s"));
        assertEquals(new AckMessage.Nak(250_000_000L), parse("-NAK {\"delay\":250000000}"));
        assertEquals(new AckMessage.Nak(0), parse("-NAK soon"), "an unreadable delay is a plain nak");
        assertEquals(new AckMessage.Nak(0, true), parse("-NAK {}"), "JSON without a delay takes the delay path");
        assertEquals(new AckMessage.Nak(0, true), parse("-NAK 0s"));
        assertEquals(new AckMessage.Nak(0, false), parse("-NAK {\"delay\":\"5s\"}"), "Go refuses a string");
        assertEquals(new AckMessage.Progress(), parse("+WPI"));
        assertEquals(new AckMessage.Term(""), parse("+TERM"));
        assertEquals(new AckMessage.Term("bad input"), parse("+TERM bad input"));
        assertEquals(new AckMessage.Unknown(), parse("+ACKK"));
    }

    @Test
    void goDurations() {
        assertEquals(OptionalLong.of(0), GoDuration.parse("0"));
        assertEquals(OptionalLong.of(1_500), GoDuration.parse("1.5us"));
        assertEquals(OptionalLong.of(-3_600_000_000_000L), GoDuration.parse("-1h"));
        assertEquals(OptionalLong.of(2_000_000L), GoDuration.parse("2ms"));
        assertEquals(OptionalLong.empty(), GoDuration.parse("5"));
        assertEquals(OptionalLong.empty(), GoDuration.parse("1.2.3s"));
        assertEquals(OptionalLong.empty(), GoDuration.parse(""));
        assertEquals(OptionalLong.empty(), GoDuration.parse("3d"));
    }

    @Test
    void messagesApplyToTheState() {
        ManualClock clock = new ManualClock();
        AckState state = AckState.start(new AckSettings(AckPolicy.EXPLICIT, 30_000_000_000L, List.of(), -1, 100), 1,
                clock);
        AckReplySubject[] replies = new AckReplySubject[5];
        for (int i = 1; i <= 4; i++) {
            Delivered d = state.onDelivered(i);
            replies[i] = new AckReplySubject("S", "c", 1, d.streamSeq(), d.consumerSeq(), 0, 0);
        }
        assertTrue(AckMessage.applyTo(parse("+ACK"), state, replies[1]));
        assertTrue(AckMessage.applyTo(parse("-NAK"), state, replies[2]));
        assertEquals(1, state.numRedeliveriesDue());
        assertTrue(AckMessage.applyTo(parse("+WPI"), state, replies[3]));
        assertTrue(AckMessage.applyTo(parse("+TERM"), state, replies[4]));
        assertFalse(AckMessage.applyTo(parse("what"), state, replies[3]));
        assertEquals(2, state.numAckPending());
    }
}
