package io.hermod.core.transport;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a connection may ask about the security of its transport without knowing which transport it is: whether
 * it is encrypted, and the client's verified certificate chain (for mapping a certificate to a user). Call on the
 * channel's event loop.
 */
public final class TransportSecurity {
    private TransportSecurity() {
    }

    /** True once the channel's TLS handshake completed (TCP with TLS, or WebSocket over TLS). */
    public static boolean isEncrypted(Channel channel) {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        return ssl != null && ssl.handshakeFuture().isSuccess();
    }

    /**
     * The client's certificate chain, leaf first, as verified during the TLS handshake against the configured
     * {@code ca_file}; empty when the channel has no TLS, the handshake is not complete, or the client sent no
     * certificate (possible only without {@code verify: true}).
     */
    public static List<X509Certificate> peerCertificates(Channel channel) {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl == null || !ssl.handshakeFuture().isSuccess()) {
            return List.of();
        }
        SSLSession session = ssl.engine().getSession();
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            return List.copyOf(chain);
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }
}
