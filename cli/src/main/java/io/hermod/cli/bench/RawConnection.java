package io.hermod.cli.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A NATS client connection on a plain socket: the handshake and line reads only, so raw benchmarks spend their
 * CPU on the server rather than in a client library. One thread uses an instance at a time.
 */
final class RawConnection implements Closeable {
    static final String CONNECT = "CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":false}\r\n";
    /** Read buffer for connections that receive bulk traffic; idle connections get a small one. */
    static final int BULK_READ_BUFFER = 64 * 1024;
    static final int IDLE_READ_BUFFER = 512;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_LINE = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawConnection(Socket socket, int readBuffer) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), readBuffer);
        this.out = socket.getOutputStream();
    }

    /** Connects, reads INFO, sends CONNECT and a PING, and returns once the PONG arrived. */
    static RawConnection open(NatsEndpoint endpoint, int readBuffer) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), HANDSHAKE_TIMEOUT_MILLIS);
            RawConnection connection = new RawConnection(socket, readBuffer);
            String info = connection.readLine();
            if (!info.startsWith("INFO")) {
                throw new IOException("expected INFO from the server, got: " + info);
            }
            connection.write(CONNECT + "PING\r\n");
            connection.awaitPong();
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    void write(String protocol) throws IOException {
        out.write(protocol.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    OutputStream output() {
        return out;
    }

    InputStream input() {
        return in;
    }

    void setReadTimeoutMillis(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Reads lines until PONG, answering the server's PINGs; a {@code -ERR} fails the wait. */
    void awaitPong() throws IOException {
        while (true) {
            String line = readLine();
            if (line.startsWith("PONG")) {
                return;
            }
            if (line.startsWith("PING")) {
                write("PONG\r\n");
            } else if (line.startsWith("-ERR")) {
                throw new IOException("server error: " + line);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (line.size() < MAX_LINE) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("server closed the connection");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new IOException("protocol line longer than " + MAX_LINE + " bytes");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
