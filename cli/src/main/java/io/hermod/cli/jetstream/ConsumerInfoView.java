package io.hermod.cli.jetstream;

import io.hermod.cli.client.output.HumanDuration;
import io.hermod.cli.client.output.KeyValueTable;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.SequenceInfo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.stream.Collectors;

/** A consumer's configuration and state for people, laid out as {@code nats consumer info} does. */
final class ConsumerInfoView {
    private ConsumerInfoView() {
    }

    static void print(PrintWriter out, ConsumerInfo info) {
        ConsumerConfiguration c = info.getConsumerConfiguration();
        out.println("Information for consumer " + info.getStreamName() + " > " + info.getName() + " created "
                + ShownMessage.formatTime(info.getCreationTime()));
        out.println();
        KeyValueTable t = new KeyValueTable().section("Configuration");
        if (c.getDurable() != null) {
            t.add("Durable name", c.getDurable());
        }
        if (c.getDescription() != null && !c.getDescription().isEmpty()) {
            t.add("Description", c.getDescription());
        }
        t.add("Type", c.getDeliverSubject() == null ? "pull" : "push to " + c.getDeliverSubject());
        if (c.getFilterSubject() != null) {
            t.add("Filter subject", c.getFilterSubject());
        }
        t.add("Deliver policy", c.getDeliverPolicy() + startDetail(c))
                .add("Ack policy", c.getAckPolicy())
                .add("Ack wait", duration(c.getAckWait()))
                .add("Replay policy", c.getReplayPolicy())
                .add("Maximum deliveries", c.getMaxDeliver() < 0 ? "unlimited" : c.getMaxDeliver())
                .add("Max ack pending", c.getMaxAckPending() < 0 ? "unlimited" : c.getMaxAckPending());
        if (c.getDeliverSubject() == null) {
            t.add("Max waiting pulls", c.getMaxPullWaiting());
        }
        if (c.getBackoff() != null && !c.getBackoff().isEmpty()) {
            t.add("Backoff", c.getBackoff().stream().map(ConsumerInfoView::duration).collect(Collectors.joining(", ")));
        }
        t.section("State")
                .add("Last delivered", sequences(info.getDelivered()))
                .add("Acknowledgment floor", sequences(info.getAckFloor()))
                .add("Outstanding acks", info.getNumAckPending())
                .add("Redelivered messages", info.getRedelivered())
                .add("Unprocessed messages", info.getNumPending())
                .add("Waiting pulls", info.getNumWaiting());
        t.print(out);
    }

    private static String startDetail(ConsumerConfiguration c) {
        if (c.getStartSequence() > 0) {
            return " from sequence " + c.getStartSequence();
        }
        if (c.getStartTime() != null) {
            return " from " + ShownMessage.formatTime(c.getStartTime());
        }
        return "";
    }

    private static String sequences(SequenceInfo s) {
        if (s == null) {
            return "";
        }
        String text = "consumer sequence " + s.getConsumerSequence() + ", stream sequence " + s.getStreamSequence();
        return s.getLastActive() == null ? text : text + ", " + Activity.since(s.getLastActive());
    }

    static String duration(Duration d) {
        return d == null ? "" : HumanDuration.format(d);
    }
}
