package io.hermod.cli.jetstream;

import io.nats.client.Message;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored message as the commands show it: where it sits in its stream, its headers and its body; and, for a
 * message a consumer delivered, how it was delivered.
 */
record ShownMessage(String stream, long seq, String subject, ZonedDateTime time, Headers headers, byte[] data,
                    Delivery delivery) {

    /** How a consumer delivered a message. */
    record Delivery(String consumer, long consumerSeq, long deliveredCount, long pending) {
    }

    static ShownMessage of(String stream, MessageInfo info) {
        return new ShownMessage(stream, info.getSeq(), info.getSubject(), info.getTime(), info.getHeaders(),
                info.getData(), null);
    }

    static ShownMessage delivered(Message m) {
        NatsJetStreamMetaData meta = m.metaData();
        return new ShownMessage(meta.getStream(), meta.streamSequence(), m.getSubject(), meta.timestamp(),
                m.getHeaders(), m.getData(),
                new Delivery(meta.getConsumer(), meta.consumerSequence(), meta.deliveredCount(), meta.pendingCount()));
    }

    /** NATS's stored-message fields ({@code data} in base64), the headers as a map, and the delivery if any. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stream", stream);
        json.put("seq", seq);
        json.put("subject", subject);
        json.put("time", time == null ? null : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        Map<String, List<String>> hdrs = new LinkedHashMap<>();
        if (headers != null) {
            for (String key : headers.keySet()) {
                hdrs.put(key, headers.get(key));
            }
        }
        json.put("headers", hdrs);
        json.put("data", Base64.getEncoder().encodeToString(data == null ? new byte[0] : data));
        if (delivery != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("consumer", delivery.consumer());
            d.put("consumer_seq", delivery.consumerSeq());
            d.put("delivered", delivery.deliveredCount());
            d.put("pending", delivery.pending());
            json.put("delivery", d);
        }
        return json;
    }

    /** The headers, a blank line and the body; a body that is not UTF-8 text is summarised, not dumped raw. */
    void printHeadersAndBody(PrintWriter out) {
        if (headers != null && !headers.isEmpty()) {
            for (String key : headers.keySet()) {
                for (String value : headers.get(key)) {
                    out.println("  " + key + ": " + value);
                }
            }
            out.println();
        }
        out.println(bodyText());
    }

    String bodyText() {
        byte[] body = data == null ? new byte[0] : data;
        if (body.length == 0) {
            return "(empty body)";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return "(" + body.length + " bytes of binary data; --json shows them in base64)";
        }
    }

    static String formatTime(ZonedDateTime time) {
        return time == null ? "" : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
