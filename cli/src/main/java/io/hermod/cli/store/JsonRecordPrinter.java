package io.hermod.cli.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hermod.store.file.LogEntry;
import io.hermod.store.proto.LogRecord;
import io.hermod.store.proto.MessageRecord;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Base64;

/**
 * A JSON array streamed one object per line. Messages use NATS's stored-message names ({@code subject}, {@code seq},
 * {@code time}, {@code hdrs} and {@code data} base64-encoded with {@code --payload}).
 */
final class JsonRecordPrinter implements RecordPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean payloads;
    private boolean first = true;

    JsonRecordPrinter(PrintWriter out, boolean payloads) {
        this.out = out;
        this.payloads = payloads;
    }

    @Override
    public void print(LogEntry entry) {
        out.println(first ? "[" : ",");
        first = false;
        out.print(fields(entry).toString());
    }

    private ObjectNode fields(LogEntry entry) {
        ObjectNode n = JSON.createObjectNode();
        LogRecord record = entry.record();
        String kind = record == null ? "torn" : switch (record.getEntryCase()) {
            case MESSAGE -> "message";
            case DELETE -> "tombstone";
            case PURGE -> "purge";
            case RESUME -> "recovery_marker";
            case SKIP -> "skip";
            case ENTRY_NOT_SET -> "empty";
        };
        n.put("type", kind).put("cycle", entry.cycle()).put("position", entry.position());
        if (record == null) {
            return n;
        }
        switch (record.getEntryCase()) {
            case MESSAGE -> message(n, record.getMessage(), entry.held());
            case DELETE -> n.put("seq", record.getDelete().getSeq());
            case PURGE -> {
                n.put("filter", record.getPurge().getSubjectFilter()).put("up_to_seq", record.getPurge().getUpToSeq());
                if (record.getPurge().getHasKeep()) {
                    n.put("keep", record.getPurge().getKeep());
                }
            }
            case RESUME -> n.put("next_seq", record.getResume().getNextSeq());
            case SKIP -> n.put("seq", record.getSkip().getSeq())
                    .put("time", Instant.ofEpochSecond(0, record.getSkip().getTimestampNanos()).toString());
            case ENTRY_NOT_SET -> {
            }
        }
        return n;
    }

    private void message(ObjectNode n, MessageRecord m, boolean held) {
        n.put("seq", m.getSeq()).put("time", Instant.ofEpochSecond(0, m.getTimestampNanos()).toString())
                .put("subject", m.getSubject()).put("headers_size", m.getHeaders().size())
                .put("payload_size", m.getPayload().size()).put("held", held);
        if (!m.getMsgId().isEmpty()) {
            n.put("msg_id", m.getMsgId());
        }
        if (payloads) {
            if (!m.getHeaders().isEmpty()) {
                n.put("hdrs", Base64.getEncoder().encodeToString(m.getHeaders().toByteArray()));
            }
            n.put("data", Base64.getEncoder().encodeToString(m.getPayload().toByteArray()));
        }
    }

    @Override
    public void finish(long printed) {
        out.println(first ? "[]" : "\n]");
        out.flush();
    }
}
