package io.hermod.core.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;

/** Encodes server-to-client operations straight into an outbound buffer, without intermediate objects. */
public final class ProtocolWriter {
    public static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MSG = "MSG ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HMSG = "HMSG ".getBytes(StandardCharsets.US_ASCII);
    private static final short CRLF = ('\r' << 8) | '\n';

    private ProtocolWriter() {
    }

    /**
     * Writes {@code MSG subject sid [reply] size} or, when the message has headers and the receiver accepts them,
     * {@code HMSG subject sid [reply] hdr_size total_size}, then the message bytes. A receiver that did not ask
     * for headers gets the payload alone, as nats-server does.
     */
    public static void writeMessage(ByteBuf out, String subject, String sid, String reply,
                                    int headerLength, ByteBuf message, boolean receiverTakesHeaders) {
        int from = message.readerIndex();
        int length = message.readableBytes();
        boolean headers = headerLength >= 0 && receiverTakesHeaders;
        if (headerLength > 0 && !receiverTakesHeaders) {
            from += headerLength;
            length -= headerLength;
        }
        byte[] line = asciiControlLine(headers, subject, sid, reply, headerLength, length);
        if (line != null) {
            out.writeBytes(line);
        } else {
            writeControlLine(out, headers, subject, sid, reply, headerLength, length);
        }
        out.writeBytes(message, from, length);
        out.writeShort(CRLF);
    }

    /**
     * The control line (with its CRLF) in one array when every name is ASCII, as they nearly always are: one
     * write into the outbound buffer instead of one per field, each of which checks the buffer. Null otherwise.
     */
    private static byte[] asciiControlLine(boolean headers, String subject, String sid, String reply,
                                           int headerLength, int length) {
        byte[] op = headers ? HMSG : MSG;
        int size = op.length + subject.length() + 1 + sid.length() + 1 + (reply == null ? 0 : reply.length() + 1)
                + (headers ? digits(headerLength) + 1 : 0) + digits(length) + 2;
        byte[] line = new byte[size];
        System.arraycopy(op, 0, line, 0, op.length);
        int at = putAscii(line, op.length, subject);
        if (at < 0) {
            return null;
        }
        line[at++] = ' ';
        at = putAscii(line, at, sid);
        if (at < 0) {
            return null;
        }
        line[at++] = ' ';
        if (reply != null) {
            at = putAscii(line, at, reply);
            if (at < 0) {
                return null;
            }
            line[at++] = ' ';
        }
        if (headers) {
            at = putDecimal(line, at, headerLength);
            line[at++] = ' ';
        }
        at = putDecimal(line, at, length);
        line[at++] = '\r';
        line[at] = '\n';
        return line;
    }

    /** Copies an ASCII string into {@code line} at {@code at}; returns where it ends, or -1 for a non-ASCII one. */
    private static int putAscii(byte[] line, int at, String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            line[at + i] = (byte) c;
        }
        return at + text.length();
    }

    private static int putDecimal(byte[] line, int at, int value) {
        int end = at + digits(value);
        for (int i = end - 1; i >= at; i--) {
            line[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }

    private static int digits(int value) {
        int digits = 1;
        for (int v = value / 10; v > 0; v /= 10) {
            digits++;
        }
        return digits;
    }

    private static void writeControlLine(ByteBuf out, boolean headers, String subject, String sid, String reply,
                                         int headerLength, int length) {
        out.writeBytes(headers ? HMSG : MSG);
        ByteBufUtil.writeUtf8(out, subject);
        out.writeByte(' ');
        ByteBufUtil.writeUtf8(out, sid);
        out.writeByte(' ');
        if (reply != null) {
            ByteBufUtil.writeUtf8(out, reply);
            out.writeByte(' ');
        }
        if (headers) {
            writeDecimal(out, headerLength);
            out.writeByte(' ');
        }
        writeDecimal(out, length);
        out.writeShort(CRLF);
    }

    /** An upper bound of what {@link #writeMessage} writes, to size the buffer once. */
    public static int messageSizeHint(String subject, String sid, String reply, ByteBuf message) {
        return 40 + subject.length() * 3 + sid.length() * 3 + (reply == null ? 0 : reply.length() * 3)
                + message.readableBytes();
    }

    public static void writeLine(ByteBuf out, String line) {
        ByteBufUtil.writeUtf8(out, line);
        out.writeShort(CRLF);
    }

    public static void writeError(ByteBuf out, ProtocolError error) {
        writeLine(out, error.line());
    }

    /** ASCII digits of a non-negative int, without going through a String. */
    static void writeDecimal(ByteBuf out, int value) {
        if (value < 10) {
            out.writeByte('0' + value);
            return;
        }
        int digits = 1;
        for (int v = value / 10; v > 0; v /= 10) {
            digits++;
        }
        int end = out.writerIndex() + digits;
        out.ensureWritable(digits);
        for (int i = end - 1; i >= end - digits; i--) {
            out.setByte(i, '0' + value % 10);
            value /= 10;
        }
        out.writerIndex(end);
    }
}
