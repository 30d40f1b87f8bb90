package io.hermod.store.engine;

import io.hermod.store.StoredMessage;
import io.hermod.store.api.GoJson;
import io.hermod.store.api.GoTime;
import io.hermod.store.api.JsApiException;
import io.hermod.store.api.StreamMsgGetRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code $JS.API.DIRECT.GET.<stream>} (request body as for MSG.GET) and {@code $JS.API.DIRECT.GET.<stream>.<subject>}
 * (the last message of that subject), per ADR-31: the reply is the message itself, its headers followed by
 * {@code Nats-Stream}, {@code Nats-Subject}, {@code Nats-Sequence} and {@code Nats-Time-Stamp}; failures are status
 * headers ({@code 404 Message Not Found}, {@code 408 Empty Request}, {@code 408 Malformed Request},
 * {@code 408 Bad Request}). Streams without {@code allow_direct}, or unknown, get no reply, as nats-server has no
 * responder for them.
 */
final class DirectGetApi {
    private final StreamRegistry registry;

    DirectGetApi(StreamRegistry registry) {
        this.registry = registry;
    }

    /** @param rest the subject after {@code $JS.API.DIRECT.GET.} */
    Optional<ApiReply> get(String rest, byte[] body) {
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        Stream stream = registry.find(name).orElse(null);
        if (stream == null || !stream.config().allowDirect()) {
            return Optional.empty();
        }
        Optional<StoredMessage> found;
        if (dot >= 0) {
            // The last message of the subject after the stream's name: this form takes no body.
            if (body != null && body.length > 0 || dot == rest.length() - 1) {
                return Optional.of(status(408, "Bad Request"));
            }
            found = StreamMessageApi.last(stream.store(), rest.substring(dot + 1));
        } else {
            if (body == null || body.length == 0) {
                return Optional.of(status(408, "Empty Request"));
            }
            StreamMsgGetRequest request;
            try {
                request = GoJson.readRequest(body, StreamMsgGetRequest.class, null);
                if (request.isEmpty()) {
                    return Optional.of(status(408, "Empty Request"));
                }
                request.check();
            } catch (JsApiException e) {
                return Optional.of(status(408, e.error().errCode() == 10025 ? "Malformed Request" : "Bad Request"));
            }
            found = StreamMessageApi.find(stream.store(), request);
        }
        return Optional.of(found.map(m -> message(stream.name(), m)).orElseGet(() -> status(404, "Message Not Found")));
    }

    private static ApiReply message(String stream, StoredMessage m) {
        byte[] headers = NatsHeaders.append(m.headers(), List.of(
                Map.entry("Nats-Stream", stream),
                Map.entry("Nats-Subject", m.subject()),
                Map.entry("Nats-Sequence", Long.toString(m.seq())),
                Map.entry("Nats-Time-Stamp", GoTime.format(m.timestamp()))));
        return new ApiReply(headers, m.payload());
    }

    private static ApiReply status(int code, String text) {
        return new ApiReply(NatsHeaders.status(code, text), new byte[0]);
    }
}
