package io.hermod.cli.bench;

import java.nio.charset.StandardCharsets;

/**
 * Counts {@code MSG}/{@code HMSG} frames in a byte stream from the server without building per-message objects:
 * control lines are scanned byte by byte, payloads are skipped by the size their control line announces.
 * Buffers may split frames anywhere. Single-threaded: one reader thread owns an instance.
 */
final class MsgFrameCounter {
    private static final int MAX_CONTROL_LINE = 4096;

    private final byte[] line = new byte[MAX_CONTROL_LINE];
    private int lineLength;
    private long payloadToSkip;
    private long messages;
    private long pings;
    private String lastError;

    /** Feeds {@code length} bytes from {@code buffer}; returns how many messages completed their control line. */
    int feed(byte[] buffer, int offset, int length) {
        long before = messages;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (payloadToSkip > 0) {
                long skip = Math.min(payloadToSkip, end - i);
                payloadToSkip -= skip;
                i += (int) skip;
                continue;
            }
            byte b = buffer[i++];
            if (b == '\n') {
                endOfLine();
            } else if (lineLength < MAX_CONTROL_LINE) {
                line[lineLength++] = b;
            }
        }
        return (int) (messages - before);
    }

    long messages() {
        return messages;
    }

    /** PINGs seen since the last call: the caller owes the server one PONG each. */
    long takePings() {
        long owed = pings;
        pings = 0;
        return owed;
    }

    /** The last {@code -ERR} line the server sent, or null. */
    String lastError() {
        return lastError;
    }

    private void endOfLine() {
        int len = lineLength;
        lineLength = 0;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        if (startsWith("MSG ", len) || startsWith("HMSG ", len)) {
            // Both end with the total payload size (for HMSG it counts headers too), then payload and CRLF.
            messages++;
            payloadToSkip = lastNumber(len) + 2;
        } else if (startsWith("PING", len)) {
            pings++;
        } else if (startsWith("-ERR", len)) {
            lastError = new String(line, 0, len, StandardCharsets.US_ASCII);
        }
    }

    private boolean startsWith(String word, int len) {
        if (len < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if ((line[i] | 0x20) != (word.charAt(i) | 0x20)) {
                return false;
            }
        }
        return true;
    }

    private long lastNumber(int len) {
        int end = len;
        while (end > 0 && line[end - 1] == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && line[start - 1] >= '0' && line[start - 1] <= '9') {
            start--;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }
}
