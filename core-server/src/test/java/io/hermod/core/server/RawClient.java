package io.hermod.core.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain-socket NATS client for tests that need the bytes on the wire. */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(int port) throws IOException {
        this(port, 0);
    }

    /** {@code receiveBuffer} &gt; 0 shrinks the socket's receive buffer (for a client that never reads). */
    RawClient(int port, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One line without its CRLF; null when the server closed the connection. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /**
     * The next line that is not a server PING; each PING on the way is answered, as a real client would (the
     * server pings 2 s after CONNECT, which a slow test can run into).
     */
    String readLineAnsweringPings() throws IOException {
        String line;
        while ("PING".equals(line = readLine())) {
            send("PONG\r\n");
        }
        return line;
    }

    /** Reads until the server closes the connection or the deadline passes; returns everything read. */
    String readUntilClosed(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buf);
                if (n < 0) {
                    return all.toString(StandardCharsets.UTF_8);
                }
                all.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // keep waiting until the deadline
            }
        }
        throw new AssertionError("connection still open after " + limit + "; read so far: " + all);
    }

    /** Sends CONNECT and a PING and reads through the PONG, so the server has processed what came before. */
    String handshake(String connectJson) throws IOException {
        String info = readLine();
        send("CONNECT " + connectJson + "\r\nPING\r\n");
        String line;
        while ((line = readLine()) != null && !line.equals("PONG")) {
            if (line.startsWith("-ERR")) {
                throw new AssertionError("handshake failed: " + line);
            }
        }
        return info;
    }

    InputStream input() {
        return in;
    }

    void soTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
