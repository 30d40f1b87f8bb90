package io.hermod.consumers.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HeldSendsTest {
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final HeldSends sends = new HeldSends((destination, subject, replyTo, headers, payload) -> sent.add(subject));

    private void send(String subject) {
        sends.send("inbox", subject, null, null, new byte[0]);
    }

    @Test
    void sendOutsideATaskGoesAtOnce() {
        send("a");

        assertEquals(List.of("a"), sent);
    }

    @Test
    void sendsOfATaskGoInOrderWhenItEnds() {
        List<String> seenInside = new ArrayList<>();
        sends.run(() -> {
            send("a");
            send("b");
            sends.run(() -> send("c"));
            seenInside.addAll(sent);
        });

        assertEquals(List.of(), seenInside);
        assertEquals(List.of("a", "b", "c"), sent);
    }

    @Test
    void releaseSendsWhatIsHeldAndTheTaskHoldsOnAfterwards() {
        List<String> afterRelease = new ArrayList<>();
        List<String> beforeEnd = new ArrayList<>();
        sends.run(() -> {
            send("a");
            sends.release();
            afterRelease.addAll(sent);
            send("b");
            beforeEnd.addAll(sent);
        });

        assertEquals(List.of("a"), afterRelease);
        assertEquals(List.of("a"), beforeEnd);
        assertEquals(List.of("a", "b"), sent);
    }

    @Test
    void aFailingTaskStillSendsWhatItHeld() {
        assertThrows(IllegalStateException.class, () -> sends.run(() -> {
            send("a");
            throw new IllegalStateException("boom");
        }));
        send("b");

        assertEquals(List.of("a", "b"), sent);
    }

    @Test
    void anotherThreadsSendIsNotHeldByThisThreadsTask() throws Exception {
        List<String> seenInside = new ArrayList<>();
        sends.run(() -> {
            Thread other = new Thread(() -> send("other"));
            other.start();
            try {
                other.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seenInside.addAll(sent);
        });

        assertEquals(List.of("other"), seenInside);
    }
}
