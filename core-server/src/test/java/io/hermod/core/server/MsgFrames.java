package io.hermod.core.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Counts the MSG frames a raw subscriber receives, by their control lines, skipping payloads. */
public final class MsgFrames {
    private MsgFrames() {
    }

    /** Reads until the server closes the socket and returns how many MSG frames came. */
    public static int countUntilClosed(InputStream in) {
        int count = 0;
        StringBuilder line = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) != -1) {
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                String l = line.toString().trim();
                line.setLength(0);
                if (l.startsWith("MSG ")) {
                    in.readNBytes(Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1)) + 2);
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }
}
