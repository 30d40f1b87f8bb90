package io.hermod.consumers.kv;

import io.nats.client.JetStreamApiException;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * What jnats returned, step by step, in a form two servers can be compared on: values, revisions, operations,
 * errors (HTTP-like code, NATS {@code err_code}, description), with times and random identifiers left out.
 */
final class Transcript {
    private final List<String> lines = new ArrayList<>();

    List<String> lines() {
        return lines;
    }

    void add(String label, Object value) {
        lines.add(label + " -> " + value);
    }

    /** Runs a step and records its result, or the error it threw. */
    void step(String label, Callable<?> call) {
        try {
            add(label, describe(call.call()));
        } catch (JetStreamApiException e) {
            add(label, "api error " + e.getErrorCode() + "/" + e.getApiErrorCode() + " " + e.getErrorDescription());
        } catch (Exception e) {
            add(label, "failed " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String describe(Object value) {
        if (value instanceof KeyValueEntry e) {
            return entry(e);
        }
        if (value instanceof ObjectInfo info) {
            return object(info);
        }
        if (value instanceof MessageInfo m) {
            return message(m);
        }
        if (value instanceof StreamInfo info) {
            return stream(info);
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(describe(item)));
            return items.toString();
        }
        return String.valueOf(value);
    }

    static String entry(KeyValueEntry e) {
        return e.getBucket() + "/" + e.getKey() + " r" + e.getRevision() + " " + e.getOperation() + " ["
                + (e.getValue() == null ? "null" : new String(e.getValue(), StandardCharsets.UTF_8)) + "] len "
                + e.getDataLen() + " delta " + e.getDelta();
    }

    static String object(ObjectInfo info) {
        return info.getBucket() + "/" + info.getObjectName() + " size " + info.getSize() + " chunks "
                + info.getChunks() + " deleted " + info.isDeleted() + " digest " + info.getDigest()
                + " description " + info.getDescription();
    }

    static String message(MessageInfo m) {
        return m.getSubject() + " #" + m.getSeq() + " [" + (m.getData() == null ? "null"
                : new String(m.getData(), StandardCharsets.UTF_8)) + "] " + headers(m.getHeaders());
    }

    static String headers(Headers headers) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        if (headers != null) {
            headers.entrySet().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        }
        return sorted.toString();
    }

    /** The stream's configuration as jnats read it, and its state without times and byte counts. */
    static String stream(StreamInfo info) {
        StreamState s = info.getStreamState();
        return info.getConfiguration().toJson() + " msgs " + s.getMsgCount() + " first " + s.getFirstSequence() + " last " + s.getLastSequence() + " subjects "
                + s.getSubjectCount() + " deleted " + s.getDeletedCount();
    }
}
