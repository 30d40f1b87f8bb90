package io.hermod.core.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/**
 * Builds the INFO line a client receives on connect, with nats-server's field names and order. The fields that
 * are the same for every client are fixed at start; only client_id, client_ip and the
 * NKey nonce differ per connection.
 */
final class ServerInfoEncoder {
    private final ObjectMapper json;
    private final ObjectNode template;

    ServerInfoEncoder(ObjectMapper json, ServerIdentity identity, ServerOptions options, int boundPort) {
        this.json = json;
        ObjectNode info = json.createObjectNode();
        info.put("server_id", identity.id());
        info.put("server_name", identity.name());
        info.put("version", HermodVersionInfo.NATS_COMPATIBLE_VERSION);
        info.put("proto", 1);
        info.put("host", options.host());
        info.put("port", boundPort);
        info.put("headers", true);
        if (options.authorization().advertised()) {
            info.put("auth_required", true);
        }
        // Websocket clients get the same INFO, TLS fields included, as nats-server 2.9.10 does.
        if (options.tls() != null) {
            info.put("tls_required", true);
            if (options.tls().verify()) {
                info.put("tls_verify", true);
            }
        }
        info.put("max_payload", options.maxPayload());
        if (options.jetstream()) {
            info.put("jetstream", true);
        }
        info.put("hermod_version", HermodVersionInfo.HERMOD_VERSION);
        this.template = info;
    }

    /** The complete line, CRLF included; {@code nonce} (for NKey authentication) may be null. */
    String infoLine(long clientId, String clientIp, String nonce) {
        ObjectNode info = template.deepCopy();
        info.put("client_id", clientId);
        info.put("client_ip", clientIp);
        if (nonce != null) {
            info.put("nonce", nonce);
        }
        try {
            // nats-server puts a space between the JSON and the CRLF; some tools compare whole lines.
            return "INFO " + json.writeValueAsString(info) + " \r\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
