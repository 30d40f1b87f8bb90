package io.hermod.core.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The TLS pipeline in front of a stand-in protocol handler: the first write goes out in plaintext, the client
 * then upgrades, and the handler sees only decrypted bytes and can ask for the verified client certificate chain.
 */
class TlsPipelineTest {
    private final TestCertificates certs = TestCertificates.get();
    private EventLoopGroup group;
    private Channel listener;

    /** Greets in plaintext, then answers each read with the subject of the client's certificate. */
    private static final class GreetingHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.copiedBuffer("INFO {}\r\n", StandardCharsets.US_ASCII));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            List<X509Certificate> chain = TransportSecurity.peerCertificates(ctx.channel());
            String subject = chain.isEmpty() ? "none" : chain.get(0).getSubjectX500Principal().getName();
            String answer = "chain " + chain.size() + " " + subject + " encrypted "
                    + TransportSecurity.isEncrypted(ctx.channel()) + "\r\n";
            ctx.writeAndFlush(Unpooled.copiedBuffer(answer, StandardCharsets.US_ASCII));
        }
    }

    private int start(TlsSettings tls) throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(ClientPipelines.tcp(tls, GreetingHandler::new))
                .bind("127.0.0.1", 0).sync().channel();
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static String exchangeAfterUpgrade(int port, SSLContext context) throws IOException {
        try (Socket plain = new Socket("127.0.0.1", port)) {
            plain.setSoTimeout(5000);
            assertEquals("INFO {}", readLine(plain));
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, "localhost", port, true)) {
                tls.startHandshake();
                tls.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
                tls.getOutputStream().flush();
                return new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
            }
        }
    }

    private static String readLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = socket.getInputStream().read()) != '\n' && b >= 0) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Test
    void protocolHandlerSeesTheVerifiedClientCertificateChainOnItsFirstRead() throws Exception {
        int port = start(TlsSettings.load(certs.serverCert(), certs.serverKey(), certs.caFile(), true,
                Duration.ofSeconds(2)));
        assertEquals("chain 2 CN=hermod-client,O=Hermod Tests encrypted true",
                exchangeAfterUpgrade(port, certs.clientContextWithCertificate()));
    }

    @Test
    void withoutVerifyAClientWithoutCertificateGetsAnEmptyChain() throws Exception {
        int port = start(TlsSettings.load(certs.serverCert(), certs.serverKey(), null, false,
                Duration.ofSeconds(2)));
        assertEquals("chain 0 none encrypted true", exchangeAfterUpgrade(port, certs.clientContext()));
    }
}
