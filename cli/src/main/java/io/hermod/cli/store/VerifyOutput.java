package io.hermod.cli.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hermod.consumers.state.ConsumerStateInspector.ConsumerSummary;
import io.hermod.store.StreamState;
import io.hermod.store.file.StoreInconsistency;
import io.hermod.store.file.StreamInspection;

import java.io.PrintWriter;
import java.util.List;

/** Prints a check's result as aligned text for a person or as JSON for scripts. */
final class VerifyOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerifyOutput() {
    }

    static void text(PrintWriter out, VerifyReport report) {
        out.println("Store " + report.root() + ": " + report.streams().size() + " stream(s), "
                + report.consumers().size() + " consumer(s)");
        if (!report.streams().isEmpty()) {
            TextTable streams = new TextTable("STREAM", "STORAGE", ">MESSAGES", ">BYTES", ">FIRST", ">LAST",
                    ">SUBJECTS", ">LOG DOCS", "STATUS");
            for (StreamInspection s : report.streams()) {
                StreamState state = s.state();
                long problems = s.inconsistencies().size();
                streams.row(s.name(), s.storage().name().toLowerCase(java.util.Locale.ROOT),
                        Readable.count(state.messages()), Readable.bytes(state.bytes()), state.firstSeq(),
                        state.lastSeq(), state.numSubjects(), Readable.count(s.logDocuments()),
                        problems == 0 ? "ok" : problems + " inconsistent");
            }
            streams.print(out);
        }
        if (!report.consumers().isEmpty()) {
            out.println();
            TextTable consumers = new TextTable("STREAM", "CONSUMER", ">DELIVERED", ">ACK FLOOR", ">PENDING",
                    ">REDELIVERED");
            for (ConsumerSummary c : report.consumers()) {
                consumers.row(c.stream(), c.name(), c.delivered().streamSeq(), c.ackFloor().streamSeq(),
                        c.pending(), c.redelivered());
            }
            consumers.print(out);
        }
        for (String note : report.notes()) {
            out.println("note: " + note);
        }
        if (!report.consistent()) {
            out.println();
            out.println("Inconsistencies:");
            for (StoreInconsistency i : report.inconsistencies()) {
                out.println("  " + i.describe());
            }
        }
        out.println();
        out.println(summary(report));
    }

    static String summary(VerifyReport report) {
        long messages = report.streams().stream().mapToLong(s -> s.state().messages()).sum();
        String checked = report.streams().size() + " stream(s), " + Readable.count(messages) + " message(s), "
                + report.consumers().size() + " consumer(s) checked";
        if (report.consistent()) {
            return "OK: " + checked + ", no inconsistencies";
        }
        long repairable = report.repairable();
        return "FAILED: " + checked + ", " + report.inconsistencies().size() + " inconsistenc"
                + (report.inconsistencies().size() == 1 ? "y" : "ies")
                + (repairable > 0 ? " (" + repairable + " repairable with --repair)" : "");
    }

    static void repairs(PrintWriter out, List<Repair> repairs) {
        out.println();
        out.println("Repair:");
        if (repairs.isEmpty()) {
            out.println("  nothing that --repair can rebuild");
        }
        for (Repair r : repairs) {
            out.println("  " + r.stream() + ": " + r.action()
                    + (r.replayed() + r.voided() > 0 ? " (replayed " + r.replayed() + " log document(s), dropped "
                    + r.voided() + " torn or void)" : ""));
        }
        out.println();
        out.println("After repair:");
    }

    static void json(PrintWriter out, VerifyReport report, VerifyReport beforeRepair, List<Repair> repairs) {
        ObjectNode root = report(report);
        if (beforeRepair != null) {
            root.set("before_repair", inconsistencies(beforeRepair.inconsistencies()));
            ArrayNode done = root.putArray("repairs");
            for (Repair r : repairs) {
                done.addObject().put("stream", r.stream()).put("action", r.action()).put("replayed", r.replayed())
                        .put("voided", r.voided());
            }
        }
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static ObjectNode report(VerifyReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("store", report.root().toString());
        root.put("consistent", report.consistent());
        ArrayNode streams = root.putArray("streams");
        for (StreamInspection s : report.streams()) {
            StreamState state = s.state();
            streams.addObject().put("name", s.name())
                    .put("storage", s.storage().name().toLowerCase(java.util.Locale.ROOT))
                    .put("messages", state.messages()).put("bytes", state.bytes())
                    .put("first_seq", state.firstSeq()).put("last_seq", state.lastSeq())
                    .put("num_deleted", state.numDeleted()).put("num_subjects", state.numSubjects())
                    .put("log_documents", s.logDocuments()).put("voided_documents", s.voidedDocuments())
                    .put("unapplied_documents", s.unappliedDocuments()).put("consistent", s.consistent());
        }
        ArrayNode consumers = root.putArray("consumers");
        for (ConsumerSummary c : report.consumers()) {
            consumers.addObject().put("stream", c.stream()).put("name", c.name())
                    .put("delivered_consumer_seq", c.delivered().consumerSeq())
                    .put("delivered_stream_seq", c.delivered().streamSeq())
                    .put("ack_floor_consumer_seq", c.ackFloor().consumerSeq())
                    .put("ack_floor_stream_seq", c.ackFloor().streamSeq())
                    .put("num_ack_pending", c.pending()).put("num_redelivered", c.redelivered());
        }
        root.set("inconsistencies", inconsistencies(report.inconsistencies()));
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        return root;
    }

    private static ArrayNode inconsistencies(List<StoreInconsistency> list) {
        ArrayNode out = JSON.createArrayNode();
        for (StoreInconsistency i : list) {
            ObjectNode n = out.addObject().put("stream", i.stream());
            if (i.consumer() != null) {
                n.put("consumer", i.consumer());
            }
            n.put("what", i.what()).put("expected", i.expected()).put("found", i.found())
                    .put("repairable", i.repairable());
        }
        return out;
    }
}
