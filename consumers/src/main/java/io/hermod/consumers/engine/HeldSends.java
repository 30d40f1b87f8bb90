package io.hermod.consumers.engine;

import java.util.ArrayDeque;

/**
 * Holds what a worker task sends until the task has written the consumer state that goes with it, so a process
 * killed in between never leaves a message delivered whose delivery was not recorded (it would come back with
 * the same delivery count). Sends made outside {@link #run} (other threads, completions of retention's writes)
 * go out at once. The hold is per thread: only the thread running the task adds to it.
 */
final class HeldSends {
    /** Where held sends finally go. */
    interface Sender {
        void send(String destination, String subject, String replyTo, byte[] headers, byte[] payload);
    }

    private record Send(String destination, String subject, String replyTo, byte[] headers, byte[] payload) {
    }

    private final Sender sender;
    private final ThreadLocal<ArrayDeque<Send>> held = new ThreadLocal<>();

    HeldSends(Sender sender) {
        this.sender = sender;
    }

    /** Sends now, or when the {@link #run} on this thread ends or {@link #release}s. */
    void send(String destination, String subject, String replyTo, byte[] headers, byte[] payload) {
        ArrayDeque<Send> sends = held.get();
        if (sends == null) {
            sender.send(destination, subject, replyTo, headers, payload);
        } else {
            sends.add(new Send(destination, subject, replyTo, headers, payload));
        }
    }

    /** Runs a task holding its sends; sends them, in order, when it ends (even by an exception). Nested: joins. */
    void run(Runnable task) {
        if (held.get() != null) {
            task.run();
            return;
        }
        held.set(new ArrayDeque<>());
        try {
            task.run();
        } finally {
            try {
                release();
            } finally {
                held.remove();
            }
        }
    }

    /** Sends what this thread's task holds so far (its state is written); the task goes on holding later sends. */
    void release() {
        ArrayDeque<Send> sends = held.get();
        if (sends == null) {
            return;
        }
        // Sends are cleared one by one: one that throws must not make the finally of run send the others twice.
        for (Send s = sends.poll(); s != null; s = sends.poll()) {
            sender.send(s.destination(), s.subject(), s.replyTo(), s.headers(), s.payload());
        }
    }
}
