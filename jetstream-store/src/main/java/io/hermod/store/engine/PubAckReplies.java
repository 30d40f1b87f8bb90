package io.hermod.store.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hermod.store.api.ApiError;
import io.hermod.store.api.GoJson;

import java.nio.charset.StandardCharsets;

/**
 * The replies of one stream's publish path, byte for byte as nats-server 2.9.10 writes them: a success is
 * {@code {"stream":"S", "seq":1}} (its fast path, with that space), a duplicate ends in
 * {@code ,"duplicate": true}, an error is {@code {"error":{...},"stream":"S","seq":0}}. The quoted stream name
 * is written once, so that a PubAck costs only its digits. Immutable.
 */
final class PubAckReplies {
    private static final byte[] DUPLICATE = ",\"duplicate\": true}".getBytes(StandardCharsets.US_ASCII);

    private final String stream;
    /** {@code {"stream":"S", "seq":} */
    private final byte[] prefix;

    PubAckReplies(String stream) {
        this.stream = stream;
        this.prefix = ("{\"stream\":" + GoJson.writeString(stream) + ", \"seq\":").getBytes(StandardCharsets.UTF_8);
    }

    byte[] ok(long seq, boolean duplicate) {
        int digits = digits(seq);
        byte[] end = duplicate ? DUPLICATE : null;
        byte[] reply = new byte[prefix.length + digits + (end == null ? 1 : end.length)];
        System.arraycopy(prefix, 0, reply, 0, prefix.length);
        int at = prefix.length + digits;
        long rest = seq;
        for (int i = at - 1; i >= prefix.length; i--) {
            reply[i] = (byte) ('0' + (int) (rest % 10));
            rest /= 10;
        }
        if (end == null) {
            reply[at] = '}';
        } else {
            System.arraycopy(end, 0, reply, at, end.length);
        }
        return reply;
    }

    byte[] error(ApiError error) {
        return GoJson.write(new Failed(error, stream, 0));
    }

    /** Decimal digits of a sequence (never negative). */
    private static int digits(long value) {
        int n = 1;
        for (long v = value; v >= 10; v /= 10) {
            n++;
        }
        return n;
    }

    private record Failed(@JsonProperty("error") ApiError error, @JsonProperty("stream") String stream,
                          @JsonProperty("seq") long seq) {
    }
}
