package io.hermod.cli.jetstream;

import io.hermod.cli.client.output.HumanBytes;
import io.hermod.cli.client.output.HumanDuration;
import io.hermod.cli.client.output.KeyValueTable;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZonedDateTime;

/** A stream's configuration and state for people, laid out as {@code nats stream info} does. */
final class StreamInfoView {
    private StreamInfoView() {
    }

    static void print(PrintWriter out, StreamInfo info) {
        StreamConfiguration c = info.getConfiguration();
        StreamState s = info.getStreamState();
        out.println("Information for stream " + c.getName() + " created " + ShownMessage.formatTime(
                info.getCreateTime()));
        out.println();
        KeyValueTable t = new KeyValueTable().section("Configuration");
        if (c.getDescription() != null && !c.getDescription().isEmpty()) {
            t.add("Description", c.getDescription());
        }
        t.add("Subjects", String.join(", ", c.getSubjects()))
                .add("Retention", c.getRetentionPolicy())
                .add("Storage", c.getStorageType())
                .add("Replicas", c.getReplicas())
                .add("Discard policy", c.getDiscardPolicy())
                .add("Duplicate window", duration(c.getDuplicateWindow()))
                .add("Allows msg delete", !c.getDenyDelete())
                .add("Allows purge", !c.getDenyPurge())
                .add("Allows rollups", c.getAllowRollup())
                .add("Allows direct get", c.getAllowDirect())
                .add("Maximum messages", unlimited(c.getMaxMsgs()))
                .add("Maximum per subject", unlimited(c.getMaxMsgsPerSubject()))
                .add("Maximum bytes", bytes(c.getMaxBytes()))
                .add("Maximum age", c.getMaxAge() == null || c.getMaxAge().isZero() ? "unlimited"
                        : HumanDuration.format(c.getMaxAge()))
                .add("Maximum message size", bytes(c.getMaxMsgSize()))
                .add("Maximum consumers", unlimited(c.getMaxConsumers()))
                .section("State")
                .add("Messages", String.format("%,d", s.getMsgCount()))
                .add("Bytes", HumanBytes.format(s.getByteCount()))
                .add("First sequence", sequence(s.getFirstSequence(), s.getFirstTime()))
                .add("Last sequence", sequence(s.getLastSequence(), s.getLastTime()))
                .add("Deleted messages", s.getDeletedCount())
                .add("Subjects", s.getSubjectCount())
                .add("Active consumers", s.getConsumerCount());
        t.print(out);
    }

    static String unlimited(long n) {
        return n < 0 ? "unlimited" : String.format("%,d", n);
    }

    static String bytes(long n) {
        return n < 0 ? "unlimited" : HumanBytes.format(n);
    }

    static String duration(Duration d) {
        return d == null || d.isZero() ? "0s" : HumanDuration.format(d);
    }

    private static String sequence(long seq, ZonedDateTime time) {
        return time == null || seq == 0 ? String.valueOf(seq) : seq + " @ " + ShownMessage.formatTime(time);
    }
}
