package io.hermod.core.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One connection in {@code /connz}, with nats-server's field names, order and omitted-when-empty fields. */
record ConnInfo(
        @JsonProperty("cid") long cid,
        @JsonProperty("kind") String kind,
        @JsonProperty("type") String type,
        @JsonProperty("ip") String ip,
        @JsonProperty("port") int port,
        @JsonProperty("start") String start,
        @JsonProperty("last_activity") String lastActivity,
        @JsonProperty("stop") @JsonInclude(JsonInclude.Include.NON_NULL) String stop,
        @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_EMPTY) String reason,
        @JsonProperty("rtt") String rtt,
        @JsonProperty("uptime") String uptime,
        @JsonProperty("idle") String idle,
        @JsonProperty("pending_bytes") long pendingBytes,
        @JsonProperty("in_msgs") long inMsgs,
        @JsonProperty("out_msgs") long outMsgs,
        @JsonProperty("in_bytes") long inBytes,
        @JsonProperty("out_bytes") long outBytes,
        @JsonProperty("subscriptions") int subscriptions,
        @JsonProperty("name") @JsonInclude(JsonInclude.Include.NON_EMPTY) String name,
        @JsonProperty("lang") @JsonInclude(JsonInclude.Include.NON_EMPTY) String lang,
        @JsonProperty("version") @JsonInclude(JsonInclude.Include.NON_EMPTY) String version,
        @JsonProperty("subscriptions_list") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> subscriptionsList,
        @JsonProperty("subscriptions_list_detail") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<SubDetail> subscriptionsListDetail) {

    /** nats-server's {@code kind} and {@code type} of a client connection over plain NATS protocol. */
    private static final String KIND_CLIENT = "Client";
    private static final String TYPE_NATS = "nats";

    /**
     * @param now the request time; for a closed connection, uptime and idle are taken at its close instead, as
     *     nats-server does
     */
    static ConnInfo of(ConnectionSnapshot c, Instant now, SubsOption subs) {
        Instant end = c.stop() != null ? c.stop() : now;
        List<String> list = null;
        List<SubDetail> detail = null;
        if (c.subscriptions() != null) {
            if (subs == SubsOption.DETAIL) {
                detail = c.subscriptions().stream().map(s -> SubDetail.of(s, null)).toList();
            } else if (subs == SubsOption.SUBJECTS) {
                list = c.subscriptions().stream().map(SubscriptionSnapshot::subject).toList();
            }
        }
        return new ConnInfo(c.cid(), KIND_CLIENT, TYPE_NATS, c.ip(), c.port(), GoFormats.time(c.start()),
                GoFormats.time(c.lastActivity()), c.stop() == null ? null : GoFormats.time(c.stop()), c.reason(),
                GoFormats.duration(natsRtt(c.rttNanos())), GoFormats.uptime(Duration.between(c.start(), end)),
                GoFormats.uptime(Duration.between(c.lastActivity(), end)), c.pendingBytes(), c.inMsgs(),
                c.outMsgs(), c.inBytes(), c.outBytes(), c.subscriptionCount(), c.name(), c.lang(), c.version(),
                list, detail);
    }

    /** nats-server shows an RTT between 1µs and 1ms truncated to whole microseconds. */
    static long natsRtt(long nanos) {
        if (nanos > 1_000 && nanos < 1_000_000) {
            return nanos - nanos % 1_000;
        }
        return nanos;
    }

    /** What {@code subs=} asked for. */
    enum SubsOption { NONE, SUBJECTS, DETAIL }
}
