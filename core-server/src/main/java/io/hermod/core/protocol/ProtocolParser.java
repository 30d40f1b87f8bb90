package io.hermod.core.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

import java.nio.charset.StandardCharsets;

/**
 * Incremental parser of the client side of the NATS protocol. {@link #parse(ByteBuf)} consumes every complete
 * operation in the buffer and leaves the reader index at the first byte of an incomplete one, so the caller
 * keeps those bytes and calls again when more arrive; the result is the same however the stream is split.
 *
 * <p>Single-threaded: one parser per connection, called on its event loop. The hot path (PUB) allocates only
 * the subject string, and not even that when a client publishes to the same subject as its previous message.
 */
public final class ProtocolParser {
    private static final int MAX_ARGS = 5;
    /** The longest operation name, CONNECT, and its separator. */
    private static final int MAX_OP_LENGTH = 8;

    private final ProtocolListener listener;
    private final int maxControlLine;
    private final int maxPayload;

    private final int[] argStart = new int[MAX_ARGS];
    private final int[] argEnd = new int[MAX_ARGS];

    private boolean failed;
    private boolean awaitingPayload;
    private String pendingSubject;
    private String pendingReply;
    private int pendingHeaderLength;
    private int pendingTotalLength;

    private byte[] lastSubjectBytes = new byte[0];
    private String lastSubject = "";

    public ProtocolParser(ProtocolListener listener, int maxControlLine, int maxPayload) {
        this.listener = listener;
        this.maxControlLine = maxControlLine;
        this.maxPayload = maxPayload;
    }

    /** True once a fatal error was reported: the connection is closing and nothing more is parsed. */
    public boolean failed() {
        return failed;
    }

    public void parse(ByteBuf in) {
        while (!failed && in.isReadable()) {
            if (awaitingPayload) {
                if (!readPayload(in)) {
                    return;
                }
                continue;
            }
            int start = in.readerIndex();
            int lf = in.forEachByte(start, in.readableBytes(), ByteProcessor.FIND_LF);
            if (lf < 0) {
                // An unterminated line may not grow past the limit: refuse it before it ends, as nats-server does.
                if (in.readableBytes() > maxControlLine + MAX_OP_LENGTH) {
                    fail(ProtocolError.MAX_CONTROL_LINE);
                }
                return;
            }
            int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            in.readerIndex(lf + 1);
            parseLine(in, start, end);
        }
    }

    /** Dispatches one control line [start, end), CR/LF excluded, with nats-server's verdict on each malformation. */
    private void parseLine(ByteBuf in, int start, int end) {
        int opEnd = start;
        while (opEnd < end && !isSpace(in.getByte(opEnd))) {
            opEnd++;
        }
        int opLength = opEnd - start;
        // nats-server reads PING, PONG and +OK by their first letters and skips the rest of the line.
        if (startsWith(in, start, opLength, "PING")) {
            listener.onPing();
            return;
        }
        if (startsWith(in, start, opLength, "PONG")) {
            listener.onPong();
            return;
        }
        if (startsWith(in, start, opLength, "+OK")) {
            listener.onOk();
            return;
        }
        if (is(in, start, opLength, "INFO")) {
            return; // clients may send INFO; nats-server ignores it from them
        }
        if (is(in, start, opLength, "-ERR")) {
            listener.onErr(text(in, opEnd, end).trim());
            fail(ProtocolError.PROTOCOL_VIOLATION);
            return;
        }
        int args = splitArgs(in, opEnd, end);
        boolean connect = is(in, start, opLength, "CONNECT");
        if (!connect && !is(in, start, opLength, "PUB") && !is(in, start, opLength, "HPUB")
                && !is(in, start, opLength, "SUB") && !is(in, start, opLength, "UNSUB")) {
            fail(ProtocolError.UNKNOWN_OPERATION);
            return;
        }
        if (args == 0) {
            fail(connect ? ProtocolError.PROTOCOL_VIOLATION : ProtocolError.UNKNOWN_OPERATION);
            return;
        }
        if (end - argStart[0] > maxControlLine) {
            fail(ProtocolError.MAX_CONTROL_LINE);
            return;
        }
        switch (opLength) {
            case 3 -> {
                if (in.getByte(start) == 'P' || in.getByte(start) == 'p') {
                    publish(in, args, false);
                } else {
                    subscribe(in, args);
                }
            }
            case 4 -> publish(in, args, true);
            case 5 -> unsubscribe(in, args);
            default -> listener.onConnect(text(in, argStart[0], end));
        }
    }

    private void publish(ByteBuf in, int args, boolean withHeaders) {
        int sizeArgs = withHeaders ? 2 : 1;
        if (args != 1 + sizeArgs && args != 2 + sizeArgs) {
            fail(ProtocolError.PROTOCOL_VIOLATION);
            return;
        }
        int total = parseSize(in, args - 1);
        int headers = withHeaders ? parseSize(in, args - 2) : -1;
        if (total < 0 || (withHeaders && (headers < 0 || headers > total))) {
            fail(ProtocolError.PROTOCOL_VIOLATION);
            return;
        }
        if (total > maxPayload) {
            fail(ProtocolError.MAX_PAYLOAD);
            return;
        }
        pendingSubject = subject(in);
        pendingReply = args == 2 + sizeArgs ? text(in, argStart[1], argEnd[1]) : null;
        pendingHeaderLength = headers;
        pendingTotalLength = total;
        awaitingPayload = true;
    }

    private boolean readPayload(ByteBuf in) {
        int total = pendingTotalLength;
        if (in.readableBytes() < total + 2) {
            return false;
        }
        int start = in.readerIndex();
        if (in.getByte(start + total) != '\r' || in.getByte(start + total + 1) != '\n') {
            awaitingPayload = false;
            fail(ProtocolError.UNKNOWN_OPERATION);
            return false;
        }
        awaitingPayload = false;
        ByteBuf message = in.slice(start, total);
        in.readerIndex(start + total + 2);
        String subject = pendingSubject;
        String reply = pendingReply;
        pendingSubject = null;
        pendingReply = null;
        listener.onPublish(subject, reply, pendingHeaderLength, message);
        return true;
    }

    private void subscribe(ByteBuf in, int args) {
        if (args != 2 && args != 3) {
            fail(ProtocolError.PROTOCOL_VIOLATION);
            return;
        }
        String subject = text(in, argStart[0], argEnd[0]);
        String queue = args == 3 ? text(in, argStart[1], argEnd[1]) : null;
        listener.onSubscribe(subject, queue, text(in, argStart[args - 1], argEnd[args - 1]));
    }

    private void unsubscribe(ByteBuf in, int args) {
        if (args != 1 && args != 2) {
            fail(ProtocolError.PROTOCOL_VIOLATION);
            return;
        }
        // A maximum that is not a number counts as none, so the subscription ends now (nats-server does so).
        long max = args == 2 ? parseSize(in, 1) : -1;
        listener.onUnsubscribe(text(in, argStart[0], argEnd[0]), max);
    }

    /** Splits [from, end) at spaces and tabs; returns the count (which may exceed the positions kept). */
    private int splitArgs(ByteBuf in, int from, int end) {
        int count = 0;
        int i = from;
        while (i < end) {
            while (i < end && isSpace(in.getByte(i))) {
                i++;
            }
            if (i == end) {
                break;
            }
            int s = i;
            while (i < end && !isSpace(in.getByte(i))) {
                i++;
            }
            if (count < MAX_ARGS) {
                argStart[count] = s;
                argEnd[count] = i;
            }
            count++;
        }
        return count;
    }

    /** The first argument as a string, reusing the previous subject when the bytes are the same. */
    private String subject(ByteBuf in) {
        int s = argStart[0];
        int len = argEnd[0] - s;
        byte[] last = lastSubjectBytes;
        if (len == last.length) {
            int i = 0;
            while (i < len && in.getByte(s + i) == last[i]) {
                i++;
            }
            if (i == len) {
                return lastSubject;
            }
        }
        byte[] bytes = new byte[len];
        in.getBytes(s, bytes);
        lastSubjectBytes = bytes;
        lastSubject = new String(bytes, StandardCharsets.UTF_8);
        return lastSubject;
    }

    /** A non-negative decimal argument, or -1 when it is not one (or would overflow an int). */
    private int parseSize(ByteBuf in, int arg) {
        int s = argStart[arg];
        int e = argEnd[arg];
        if (e - s > 9) {
            return -1;
        }
        int value = 0;
        for (int i = s; i < e; i++) {
            byte b = in.getByte(i);
            if (b < '0' || b > '9') {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private void fail(ProtocolError error) {
        if (error.closesConnection()) {
            failed = true;
        }
        listener.onProtocolError(error);
    }

    private static String text(ByteBuf in, int from, int to) {
        return in.toString(from, to - from, StandardCharsets.UTF_8);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean startsWith(ByteBuf in, int start, int length, String op) {
        return length >= op.length() && is(in, start, op.length(), op);
    }

    /** Case-insensitive comparison of an op name, as nats-server accepts {@code pub} as well as {@code PUB}. */
    private static boolean is(ByteBuf in, int start, int length, String op) {
        if (length != op.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int b = in.getByte(start + i);
            if (b >= 'a' && b <= 'z') {
                b -= 32;
            }
            if (b != op.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
