package io.hermod.core.differential;

import java.time.Duration;

/**
 * One data row of the raw-protocol differential test: the server settings it needs, the bytes a client sends right
 * after reading the server's first line, and the transcript nats-server 2.9.10 produced for them.
 *
 * @param heldConnections connections opened (and handshaken) before the case's own, e.g. to fill max_connections
 * @param keepServerPings whether server-initiated PING lines belong to the transcript; otherwise they are dropped,
 *                        since their timing is the server's business
 * @param patience        upper bound on the whole exchange; only reached when the target misbehaves or a case
 *                        waits for a timer (ping interval, auth timeout)
 */
public record ProtocolCase(String name, ServerSettings settings, String send, Transcript expected,
                           int heldConnections, boolean keepServerPings, Duration patience) {
    private static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(5);

    public static ProtocolCase of(String name, String send, Transcript expected) {
        return new ProtocolCase(name, ServerSettings.defaults(), send, expected, 0, false, DEFAULT_PATIENCE);
    }

    public ProtocolCase with(ServerSettings newSettings) {
        return new ProtocolCase(name, newSettings, send, expected, heldConnections, keepServerPings, patience);
    }

    public ProtocolCase holdingConnections(int count) {
        return new ProtocolCase(name, settings, send, expected, count, keepServerPings, patience);
    }

    public ProtocolCase keepingServerPings() {
        return new ProtocolCase(name, settings, send, expected, heldConnections, true, patience);
    }

    public ProtocolCase patience(Duration newPatience) {
        return new ProtocolCase(name, settings, send, expected, heldConnections, keepServerPings, newPatience);
    }

    @Override
    public String toString() {
        return name;
    }
}
