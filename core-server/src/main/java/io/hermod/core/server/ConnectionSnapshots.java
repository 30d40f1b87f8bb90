package io.hermod.core.server;

import io.hermod.core.monitor.ConnectionSnapshot;
import io.hermod.core.monitor.SubscriptionSnapshot;
import io.hermod.core.protocol.ConnectOptions;
import io.hermod.core.routing.Subscription;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Builds monitoring snapshots of client connections. Any thread. */
final class ConnectionSnapshots {
    private ConnectionSnapshots() {
    }

    static ConnectionSnapshot open(ClientConnection c, boolean withSubscriptions) {
        return of(c, withSubscriptions, null, null);
    }

    /** At close: stop time and reason, and the subscriptions the connection had. */
    static ConnectionSnapshot closed(ClientConnection c, Instant stop) {
        return of(c, true, stop, c.metrics().closeReason());
    }

    private static ConnectionSnapshot of(ClientConnection c, boolean withSubscriptions, Instant stop, String reason) {
        ConnectionMetrics m = c.metrics();
        ConnectOptions connect = c.connectOptions();
        Collection<Subscription> subs = c.subscriptionsView();
        List<SubscriptionSnapshot> details = null;
        if (withSubscriptions) {
            details = new ArrayList<>(subs.size());
            for (Subscription s : subs) {
                details.add(new SubscriptionSnapshot(s.subject(), s.queue(), s.sid(), s.delivered(), s.maxMessages(),
                        c.clientId()));
            }
        }
        String ip = "";
        int port = 0;
        SocketAddress address = c.channel() == null ? null : c.channel().remoteAddress();
        if (address instanceof InetSocketAddress inet) {
            port = inet.getPort();
            ip = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return new ConnectionSnapshot(c.clientId(), ip, port, m.start(), m.lastActivity(), stop, reason,
                m.rttNanos(), c.pendingBytes(), m.inMsgs(), m.outMsgs(), m.inBytes(), m.outBytes(), subs.size(),
                connect.name, connect.lang, connect.version, details);
    }
}
