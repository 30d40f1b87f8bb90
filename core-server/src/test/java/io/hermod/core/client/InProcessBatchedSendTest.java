package io.hermod.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hermod.core.routing.FlushBatch;
import io.hermod.core.routing.MessageRouter;
import io.hermod.core.routing.MessageSink;
import io.hermod.core.routing.Subscription;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InProcessConnection#batched}: the sends inside reach a receiver's buffer at once and flush once. */
class InProcessBatchedSendTest {
    private final MessageRouter router = new MessageRouter();
    private final BufferingSink receiver = new BufferingSink();
    private final InProcessConnection local = new InProcessConnection("test", router);

    InProcessBatchedSendTest() {
        router.subscribe(new Subscription("inbox", null, "1", receiver));
    }

    private void send(int n) {
        local.send("inbox", "m." + n, null, null, new byte[0]);
    }

    @Test
    void eachSendOutsideABatchFlushes() {
        send(1);
        send(2);

        assertEquals(List.of(List.of("m.1"), List.of("m.2")), receiver.flushes);
    }

    @Test
    void sendsInsideABatchFlushOnceAtItsEnd() {
        local.batched(() -> {
            for (int n = 1; n <= 5; n++) {
                send(n);
            }
            assertEquals(List.of(), receiver.flushes);
        });

        assertEquals(List.of(List.of("m.1", "m.2", "m.3", "m.4", "m.5")), receiver.flushes);
    }

    @Test
    void flushBatchInsideABatchFlushesWhatWasSentSoFar() {
        local.batched(() -> {
            send(1);
            send(2);
            local.flushBatch();
            assertEquals(List.of(List.of("m.1", "m.2")), receiver.flushes);
            send(3);
        });

        assertEquals(List.of(List.of("m.1", "m.2"), List.of("m.3")), receiver.flushes);
    }

    @Test
    void flushBatchOutsideABatchDoesNothing() {
        local.flushBatch();
        send(1);

        assertEquals(List.of(List.of("m.1")), receiver.flushes);
    }

    @Test
    void nestedBatchesFlushAtTheOutermostEnd() {
        local.batched(() -> {
            send(1);
            local.batched(() -> send(2));
            send(3);
            assertEquals(List.of(), receiver.flushes);
        });

        assertEquals(List.of(List.of("m.1", "m.2", "m.3")), receiver.flushes);
    }

    @Test
    void aFailingBatchStillFlushesWhatItSentAndTheNextSendFlushesAlone() {
        assertThrows(IllegalStateException.class, () -> local.batched(() -> {
            send(1);
            throw new IllegalStateException("boom");
        }));
        send(2);

        assertEquals(List.of(List.of("m.1"), List.of("m.2")), receiver.flushes);
    }

    @Test
    void publishesInsideABatchFlushOnceToo() {
        local.batched(() -> {
            local.publish("inbox", null, null, new byte[0]);
            local.publish("inbox", null, null, new byte[0]);
        });

        assertEquals(List.of(List.of("inbox", "inbox")), receiver.flushes);
    }

    /** A receiver like a socket connection's buffer: it schedules one flush per batch and sends all it holds. */
    private static final class BufferingSink implements MessageSink, FlushBatch.Flushable {
        final List<List<String>> flushes = new ArrayList<>();
        private List<String> buffered = new ArrayList<>();
        private boolean scheduled;

        @Override
        public void deliver(Subscription subscription, String subject, String replyTo, int headerLength,
                            ByteBuf message, FlushBatch batch) {
            buffered.add(subject);
            if (!scheduled) {
                scheduled = true;
                batch.add(this);
            }
        }

        @Override
        public void flush() {
            scheduled = false;
            flushes.add(buffered);
            buffered = new ArrayList<>();
        }

        @Override
        public boolean echo() {
            return true;
        }

        @Override
        public void subscriptionEnded(Subscription subscription) {
        }
    }
}
