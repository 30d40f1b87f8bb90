package io.hermod.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Publishes pre-encoded {@code PUB} frames in large writes on a raw connection, then a PING whose PONG proves
 * the server has read everything. The write buffer is filled once: every frame is the same bytes.
 */
final class RawPublisher implements Runnable {
    private static final int WRITE_BUFFER = 64 * 1024;

    private final RawConnection connection;
    private final byte[] frame;
    private final long count;
    private final MessageTally tally = new MessageTally();
    private volatile Exception failure;

    RawPublisher(RawConnection connection, String subject, byte[] payload, long count) {
        this.connection = connection;
        this.frame = frame(subject, payload);
        this.count = count;
    }

    static byte[] frame(String subject, byte[] payload) {
        byte[] head = ("PUB " + subject + " " + payload.length + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] frame = Arrays.copyOf(head, head.length + payload.length + 2);
        System.arraycopy(payload, 0, frame, head.length, payload.length);
        frame[frame.length - 2] = '\r';
        frame[frame.length - 1] = '\n';
        return frame;
    }

    @Override
    public void run() {
        try {
            publishAll();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    private void publishAll() throws IOException {
        int framesPerWrite = Math.max(1, WRITE_BUFFER / frame.length);
        byte[] buffer = new byte[framesPerWrite * frame.length];
        for (int i = 0; i < framesPerWrite; i++) {
            System.arraycopy(frame, 0, buffer, i * frame.length, frame.length);
        }
        OutputStream out = connection.output();
        tally.start(System.nanoTime());
        long remaining = count;
        while (remaining > 0) {
            int frames = (int) Math.min(framesPerWrite, remaining);
            out.write(buffer, 0, frames * frame.length);
            remaining -= frames;
            tally.add(frames, System.nanoTime());
        }
        connection.write("PING\r\n");
        connection.awaitPong();
        tally.finish(System.nanoTime());
    }

    MessageTally tally() {
        return tally;
    }

    Exception failure() {
        return failure;
    }
}
