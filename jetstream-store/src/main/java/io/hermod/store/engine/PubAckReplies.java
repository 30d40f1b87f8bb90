package io.hermod.store.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hermod.store.api.ApiError;
import io.hermod.store.api.GoJson;

import java.nio.charset.StandardCharsets;

/**
 * The replies of the publish path, byte for byte as nats-server 2.9.10 writes them: a success is
 * {@code {"stream":"S", "seq":1}} (its fast path, with that space), a duplicate adds {@code ,"duplicate": true},
 * an error is {@code {"error":{...},"stream":"S","seq":0}}. Stateless.
 */
final class PubAckReplies {
    private PubAckReplies() {
    }

    static byte[] ok(String stream, long seq, boolean duplicate) {
        String text = "{\"stream\":" + GoJson.writeString(stream) + ", \"seq\":" + seq
                + (duplicate ? ",\"duplicate\": true}" : "}");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] error(String stream, ApiError error) {
        return GoJson.write(new Failed(error, stream, 0));
    }

    private record Failed(@JsonProperty("error") ApiError error, @JsonProperty("stream") String stream,
                          @JsonProperty("seq") long seq) {
    }
}
