package io.hermod.core.differential;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A test client over a plain socket: sends raw bytes, reads CRLF-terminated lines or byte counts until a deadline,
 * and reports whether the peer closed the connection (EOF or reset). Every read is bounded by its deadline.
 */
public final class RawNatsConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private boolean peerClosed;

    private RawNatsConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static RawNatsConnection open(int port, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) Math.max(1, connectTimeout.toMillis()));
            return new RawNatsConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends the string's chars as bytes 0-255 (ISO-8859-1), so escapes like {@code \r\n} go out exactly. */
    public void send(String bytes) throws IOException {
        send(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The next line, without its CRLF, decoded as ISO-8859-1; {@code null} once the peer has closed and no complete
     * line is left (unterminated leftovers stay in {@link #pendingBytes()}).
     *
     * @throws SocketTimeoutException when no complete line arrived before the deadline
     */
    public String readLine(Instant deadline) throws IOException {
        int scanned = 1;
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == '\n' && buffer[i - 1] == '\r') {
                    String line = new String(buffer, start, i - 1 - start, StandardCharsets.ISO_8859_1);
                    start = i + 1;
                    return line;
                }
            }
            scanned = Math.max(1, end - start);
            if (!fill(deadline)) {
                return null;
            }
        }
    }

    /**
     * Exactly {@code count} bytes; fewer only if the peer closed first.
     *
     * @throws SocketTimeoutException when they did not all arrive before the deadline
     */
    public byte[] readBytes(int count, Instant deadline) throws IOException {
        while (end - start < count && fill(deadline)) {
            // keep reading
        }
        int n = Math.min(count, end - start);
        byte[] bytes = Arrays.copyOfRange(buffer, start, start + n);
        start += n;
        return bytes;
    }

    /** Reads and discards until the peer closes or the deadline passes; true if the peer closed. */
    public boolean awaitPeerClose(Instant deadline) throws IOException {
        try {
            while (fill(deadline)) {
                start = end;
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** True once a read has seen EOF or a connection reset. */
    public boolean peerClosed() {
        return peerClosed;
    }

    /** Bytes received but not yet returned by a read call. */
    public byte[] pendingBytes() {
        return Arrays.copyOfRange(buffer, start, end);
    }

    /** Reads more bytes into the buffer; false if the peer has closed. */
    private boolean fill(Instant deadline) throws IOException {
        if (peerClosed) {
            return false;
        }
        long remaining = Duration.between(Instant.now(), deadline).toMillis();
        if (remaining <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        makeRoom();
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
        int n;
        try {
            n = in.read(buffer, end, buffer.length - end);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (SocketException e) {
            n = -1;
        }
        if (n < 0) {
            peerClosed = true;
            return false;
        }
        end += n;
        return true;
    }

    private void makeRoom() {
        if (end < buffer.length) {
            return;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        } else {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
