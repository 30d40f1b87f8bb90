package io.hermod.consumers.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.hermod.store.api.GoJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consumer's configuration as {@code $JS.API.CONSUMER.CREATE} carries it and replies echo it. Field names, order
 * and omit-when-empty follow nats-server 2.9.10's {@code ConsumerConfig}; durations ({@code ack_wait},
 * {@code backoff}, {@code idle_heartbeat}, {@code max_expires}, {@code inactive_threshold}) are int64 nanoseconds. A
 * missing enum reads as Go's zero value ({@code all}, {@code none}, {@code instant}); numbers left at 0 mean "server
 * default" until {@link ConsumerConfigValidator} applies the defaults. {@code filter_subjects} and {@code metadata}
 * come from nats 2.10; 2.9.10 never sends them.
 */
public record ConsumerConfig(
        @JsonProperty("durable_name") @JsonInclude(Include.NON_EMPTY) String durableName,
        @JsonProperty("name") @JsonInclude(Include.NON_EMPTY) String name,
        @JsonProperty("description") @JsonInclude(Include.NON_EMPTY) String description,
        @JsonProperty("deliver_policy") DeliverPolicy deliverPolicy,
        @JsonDeserialize(using = GoJson.Uint64.class)
        @JsonProperty("opt_start_seq") @JsonInclude(Include.NON_DEFAULT) long optStartSeq,
        @JsonProperty("opt_start_time") @JsonInclude(Include.NON_NULL) Instant optStartTime,
        @JsonProperty("ack_policy") AckPolicy ackPolicy,
        @JsonProperty("ack_wait") @JsonInclude(Include.NON_DEFAULT) long ackWaitNanos,
        @JsonProperty("max_deliver") @JsonInclude(Include.NON_DEFAULT) int maxDeliver,
        @JsonProperty("backoff") @JsonInclude(Include.NON_EMPTY) List<Long> backoffNanos,
        @JsonProperty("filter_subject") @JsonInclude(Include.NON_EMPTY) String filterSubject,
        @JsonProperty("filter_subjects") @JsonInclude(Include.NON_EMPTY) List<String> filterSubjects,
        @JsonProperty("replay_policy") ReplayPolicy replayPolicy,
        @JsonDeserialize(using = GoJson.Uint64.class)
        @JsonProperty("rate_limit_bps") @JsonInclude(Include.NON_DEFAULT) long rateLimitBps,
        @JsonProperty("sample_freq") @JsonInclude(Include.NON_EMPTY) String sampleFrequency,
        @JsonProperty("max_waiting") @JsonInclude(Include.NON_DEFAULT) int maxWaiting,
        @JsonProperty("max_ack_pending") @JsonInclude(Include.NON_DEFAULT) int maxAckPending,
        @JsonProperty("idle_heartbeat") @JsonInclude(Include.NON_DEFAULT) long idleHeartbeatNanos,
        @JsonProperty("flow_control") @JsonInclude(Include.NON_DEFAULT) boolean flowControl,
        @JsonProperty("headers_only") @JsonInclude(Include.NON_DEFAULT) boolean headersOnly,
        @JsonProperty("max_batch") @JsonInclude(Include.NON_DEFAULT) int maxBatch,
        @JsonProperty("max_expires") @JsonInclude(Include.NON_DEFAULT) long maxExpiresNanos,
        @JsonProperty("max_bytes") @JsonInclude(Include.NON_DEFAULT) int maxBytes,
        @JsonProperty("deliver_subject") @JsonInclude(Include.NON_EMPTY) String deliverSubject,
        @JsonProperty("deliver_group") @JsonInclude(Include.NON_EMPTY) String deliverGroup,
        @JsonProperty("inactive_threshold") @JsonInclude(Include.NON_DEFAULT) long inactiveThresholdNanos,
        @JsonProperty("num_replicas") int numReplicas,
        @JsonProperty("mem_storage") @JsonInclude(Include.NON_DEFAULT) boolean memStorage,
        @JsonProperty("metadata") @JsonInclude(Include.NON_EMPTY) Map<String, String> metadata) {

    public ConsumerConfig {
        durableName = durableName == null ? "" : durableName;
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        deliverPolicy = deliverPolicy == null ? DeliverPolicy.ALL : deliverPolicy;
        ackPolicy = ackPolicy == null ? AckPolicy.NONE : ackPolicy;
        backoffNanos = backoffNanos == null ? List.of() : List.copyOf(backoffNanos);
        filterSubject = filterSubject == null ? "" : filterSubject;
        filterSubjects = filterSubjects == null ? List.of() : List.copyOf(filterSubjects);
        replayPolicy = replayPolicy == null ? ReplayPolicy.INSTANT : replayPolicy;
        sampleFrequency = sampleFrequency == null ? "" : sampleFrequency;
        deliverSubject = deliverSubject == null ? "" : deliverSubject;
        deliverGroup = deliverGroup == null ? "" : deliverGroup;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Durable when it has a durable name (nats {@code isDurableConsumer}). */
    @JsonIgnore
    public boolean isDurable() {
        return !durableName.isEmpty();
    }

    /** Pull mode: no deliver subject. */
    @JsonIgnore
    public boolean isPull() {
        return deliverSubject.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy used to derive configurations (defaults, tests). Not thread-safe. */
    public static final class Builder {
        private String durableName;
        private String name;
        private String description;
        private DeliverPolicy deliverPolicy;
        private long optStartSeq;
        private Instant optStartTime;
        private AckPolicy ackPolicy;
        private long ackWaitNanos;
        private int maxDeliver;
        private List<Long> backoffNanos = new ArrayList<>();
        private String filterSubject;
        private List<String> filterSubjects = new ArrayList<>();
        private ReplayPolicy replayPolicy;
        private long rateLimitBps;
        private String sampleFrequency;
        private int maxWaiting;
        private int maxAckPending;
        private long idleHeartbeatNanos;
        private boolean flowControl;
        private boolean headersOnly;
        private int maxBatch;
        private long maxExpiresNanos;
        private int maxBytes;
        private String deliverSubject;
        private String deliverGroup;
        private long inactiveThresholdNanos;
        private int numReplicas;
        private boolean memStorage;
        private Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(ConsumerConfig c) {
            durableName = c.durableName;
            name = c.name;
            description = c.description;
            deliverPolicy = c.deliverPolicy;
            optStartSeq = c.optStartSeq;
            optStartTime = c.optStartTime;
            ackPolicy = c.ackPolicy;
            ackWaitNanos = c.ackWaitNanos;
            maxDeliver = c.maxDeliver;
            backoffNanos = new ArrayList<>(c.backoffNanos);
            filterSubject = c.filterSubject;
            filterSubjects = new ArrayList<>(c.filterSubjects);
            replayPolicy = c.replayPolicy;
            rateLimitBps = c.rateLimitBps;
            sampleFrequency = c.sampleFrequency;
            maxWaiting = c.maxWaiting;
            maxAckPending = c.maxAckPending;
            idleHeartbeatNanos = c.idleHeartbeatNanos;
            flowControl = c.flowControl;
            headersOnly = c.headersOnly;
            maxBatch = c.maxBatch;
            maxExpiresNanos = c.maxExpiresNanos;
            maxBytes = c.maxBytes;
            deliverSubject = c.deliverSubject;
            deliverGroup = c.deliverGroup;
            inactiveThresholdNanos = c.inactiveThresholdNanos;
            numReplicas = c.numReplicas;
            memStorage = c.memStorage;
            metadata = new LinkedHashMap<>(c.metadata);
        }

        public Builder durableName(String v) { durableName = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder deliverPolicy(DeliverPolicy v) { deliverPolicy = v; return this; }
        public Builder optStartSeq(long v) { optStartSeq = v; return this; }
        public Builder optStartTime(Instant v) { optStartTime = v; return this; }
        public Builder ackPolicy(AckPolicy v) { ackPolicy = v; return this; }
        public Builder ackWaitNanos(long v) { ackWaitNanos = v; return this; }
        public Builder maxDeliver(int v) { maxDeliver = v; return this; }
        public Builder backoffNanos(List<Long> v) { backoffNanos = new ArrayList<>(v); return this; }
        public Builder filterSubject(String v) { filterSubject = v; return this; }
        public Builder filterSubjects(List<String> v) { filterSubjects = new ArrayList<>(v); return this; }
        public Builder replayPolicy(ReplayPolicy v) { replayPolicy = v; return this; }
        public Builder rateLimitBps(long v) { rateLimitBps = v; return this; }
        public Builder sampleFrequency(String v) { sampleFrequency = v; return this; }
        public Builder maxWaiting(int v) { maxWaiting = v; return this; }
        public Builder maxAckPending(int v) { maxAckPending = v; return this; }
        public Builder idleHeartbeatNanos(long v) { idleHeartbeatNanos = v; return this; }
        public Builder flowControl(boolean v) { flowControl = v; return this; }
        public Builder headersOnly(boolean v) { headersOnly = v; return this; }
        public Builder maxBatch(int v) { maxBatch = v; return this; }
        public Builder maxExpiresNanos(long v) { maxExpiresNanos = v; return this; }
        public Builder maxBytes(int v) { maxBytes = v; return this; }
        public Builder deliverSubject(String v) { deliverSubject = v; return this; }
        public Builder deliverGroup(String v) { deliverGroup = v; return this; }
        public Builder inactiveThresholdNanos(long v) { inactiveThresholdNanos = v; return this; }
        public Builder numReplicas(int v) { numReplicas = v; return this; }
        public Builder memStorage(boolean v) { memStorage = v; return this; }
        public Builder metadata(Map<String, String> v) { metadata = new LinkedHashMap<>(v); return this; }

        public ConsumerConfig build() {
            return new ConsumerConfig(durableName, name, description, deliverPolicy, optStartSeq, optStartTime,
                    ackPolicy, ackWaitNanos, maxDeliver, backoffNanos, filterSubject, filterSubjects, replayPolicy,
                    rateLimitBps, sampleFrequency, maxWaiting, maxAckPending, idleHeartbeatNanos, flowControl,
                    headersOnly, maxBatch, maxExpiresNanos, maxBytes, deliverSubject, deliverGroup,
                    inactiveThresholdNanos, numReplicas, memStorage, metadata);
        }
    }
}
