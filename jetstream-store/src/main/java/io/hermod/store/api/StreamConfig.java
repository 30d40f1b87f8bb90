package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream's configuration as the {@code $JS.API.STREAM.CREATE/UPDATE} requests carry it and replies echo it. Field
 * names, order and omit-when-empty follow nats-server 2.9.10's {@code StreamConfig}; durations ({@code max_age},
 * {@code duplicate_window}) are int64 nanoseconds. A missing enum reads as Go's zero value ({@code limits},
 * {@code old}, {@code file}); numbers left at 0 mean "server default" until {@link StreamConfigValidator} applies
 * the defaults. {@code subject_transform}, {@code first_seq} and {@code metadata} come from nats 2.10; 2.9.10 never
 * sends them.
 */
public record StreamConfig(
        @JsonProperty("name") String name,
        @JsonProperty("description") @JsonInclude(JsonInclude.Include.NON_DEFAULT) String description,
        @JsonProperty("subjects") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> subjects,
        @JsonProperty("retention") RetentionPolicy retention,
        @JsonProperty("max_consumers") int maxConsumers,
        @JsonProperty("max_msgs") long maxMsgs,
        @JsonProperty("max_bytes") long maxBytes,
        @JsonProperty("max_age") long maxAgeNanos,
        @JsonProperty("max_msgs_per_subject") long maxMsgsPerSubject,
        @JsonProperty("max_msg_size") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int maxMsgSize,
        @JsonProperty("discard") DiscardPolicy discard,
        @JsonProperty("storage") StorageType storage,
        @JsonProperty("num_replicas") int numReplicas,
        @JsonProperty("no_ack") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noAck,
        @JsonProperty("template_owner") @JsonInclude(JsonInclude.Include.NON_DEFAULT) String templateOwner,
        @JsonProperty("duplicate_window") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long duplicateWindowNanos,
        @JsonProperty("placement") @JsonInclude(JsonInclude.Include.NON_NULL) Placement placement,
        @JsonProperty("mirror") @JsonInclude(JsonInclude.Include.NON_NULL) StreamSource mirror,
        @JsonProperty("sources") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StreamSource> sources,
        @JsonProperty("republish") @JsonInclude(JsonInclude.Include.NON_NULL) RePublish republish,
        @JsonProperty("allow_direct") boolean allowDirect,
        @JsonProperty("mirror_direct") boolean mirrorDirect,
        @JsonProperty("discard_new_per_subject") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean discardNewPerSubject,
        @JsonProperty("sealed") boolean sealed,
        @JsonProperty("deny_delete") boolean denyDelete,
        @JsonProperty("deny_purge") boolean denyPurge,
        @JsonProperty("allow_rollup_hdrs") boolean allowRollupHeaders,
        @JsonProperty("subject_transform") @JsonInclude(JsonInclude.Include.NON_NULL) SubjectTransform subjectTransform,
        @JsonProperty("first_seq") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long firstSeq,
        @JsonProperty("metadata") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> metadata) {

    public StreamConfig {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        retention = retention == null ? RetentionPolicy.LIMITS : retention;
        discard = discard == null ? DiscardPolicy.OLD : discard;
        storage = storage == null ? StorageType.FILE : storage;
        templateOwner = templateOwner == null ? "" : templateOwner;
        sources = sources == null ? List.of() : List.copyOf(sources);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A configuration with only a name; every other field at Go's zero value. */
    public static StreamConfig named(String name) {
        return builder(name).build();
    }

    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy used to derive configurations (defaults, sealing, tests). Not thread-safe. */
    public static final class Builder {
        private String name;
        private String description;
        private List<String> subjects = new ArrayList<>();
        private RetentionPolicy retention;
        private int maxConsumers;
        private long maxMsgs;
        private long maxBytes;
        private long maxAgeNanos;
        private long maxMsgsPerSubject;
        private int maxMsgSize;
        private DiscardPolicy discard;
        private StorageType storage;
        private int numReplicas;
        private boolean noAck;
        private String templateOwner;
        private long duplicateWindowNanos;
        private Placement placement;
        private StreamSource mirror;
        private List<StreamSource> sources = new ArrayList<>();
        private RePublish republish;
        private boolean allowDirect;
        private boolean mirrorDirect;
        private boolean discardNewPerSubject;
        private boolean sealed;
        private boolean denyDelete;
        private boolean denyPurge;
        private boolean allowRollupHeaders;
        private SubjectTransform subjectTransform;
        private long firstSeq;
        private Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(StreamConfig c) {
            name = c.name;
            description = c.description;
            subjects = new ArrayList<>(c.subjects);
            retention = c.retention;
            maxConsumers = c.maxConsumers;
            maxMsgs = c.maxMsgs;
            maxBytes = c.maxBytes;
            maxAgeNanos = c.maxAgeNanos;
            maxMsgsPerSubject = c.maxMsgsPerSubject;
            maxMsgSize = c.maxMsgSize;
            discard = c.discard;
            storage = c.storage;
            numReplicas = c.numReplicas;
            noAck = c.noAck;
            templateOwner = c.templateOwner;
            duplicateWindowNanos = c.duplicateWindowNanos;
            placement = c.placement;
            mirror = c.mirror;
            sources = new ArrayList<>(c.sources);
            republish = c.republish;
            allowDirect = c.allowDirect;
            mirrorDirect = c.mirrorDirect;
            discardNewPerSubject = c.discardNewPerSubject;
            sealed = c.sealed;
            denyDelete = c.denyDelete;
            denyPurge = c.denyPurge;
            allowRollupHeaders = c.allowRollupHeaders;
            subjectTransform = c.subjectTransform;
            firstSeq = c.firstSeq;
            metadata = new LinkedHashMap<>(c.metadata);
        }

        public Builder name(String value) { name = value; return this; }
        public Builder description(String value) { description = value; return this; }
        public Builder subjects(String... values) { subjects = new ArrayList<>(List.of(values)); return this; }
        public Builder subjects(List<String> values) { subjects = new ArrayList<>(values); return this; }
        public Builder retention(RetentionPolicy value) { retention = value; return this; }
        public Builder maxConsumers(int value) { maxConsumers = value; return this; }
        public Builder maxMsgs(long value) { maxMsgs = value; return this; }
        public Builder maxBytes(long value) { maxBytes = value; return this; }
        public Builder maxAgeNanos(long value) { maxAgeNanos = value; return this; }
        public Builder maxMsgsPerSubject(long value) { maxMsgsPerSubject = value; return this; }
        public Builder maxMsgSize(int value) { maxMsgSize = value; return this; }
        public Builder discard(DiscardPolicy value) { discard = value; return this; }
        public Builder storage(StorageType value) { storage = value; return this; }
        public Builder numReplicas(int value) { numReplicas = value; return this; }
        public Builder noAck(boolean value) { noAck = value; return this; }
        public Builder templateOwner(String value) { templateOwner = value; return this; }
        public Builder duplicateWindowNanos(long value) { duplicateWindowNanos = value; return this; }
        public Builder placement(Placement value) { placement = value; return this; }
        public Builder mirror(StreamSource value) { mirror = value; return this; }
        public Builder sources(List<StreamSource> values) { sources = new ArrayList<>(values); return this; }
        public Builder republish(RePublish value) { republish = value; return this; }
        public Builder allowDirect(boolean value) { allowDirect = value; return this; }
        public Builder mirrorDirect(boolean value) { mirrorDirect = value; return this; }
        public Builder discardNewPerSubject(boolean value) { discardNewPerSubject = value; return this; }
        public Builder sealed(boolean value) { sealed = value; return this; }
        public Builder denyDelete(boolean value) { denyDelete = value; return this; }
        public Builder denyPurge(boolean value) { denyPurge = value; return this; }
        public Builder allowRollupHeaders(boolean value) { allowRollupHeaders = value; return this; }
        public Builder subjectTransform(SubjectTransform value) { subjectTransform = value; return this; }
        public Builder firstSeq(long value) { firstSeq = value; return this; }
        public Builder metadata(Map<String, String> values) { metadata = new LinkedHashMap<>(values); return this; }

        public StreamConfig build() {
            return new StreamConfig(name, description, subjects, retention, maxConsumers, maxMsgs, maxBytes,
                    maxAgeNanos, maxMsgsPerSubject, maxMsgSize, discard, storage, numReplicas, noAck, templateOwner,
                    duplicateWindowNanos, placement, mirror, sources, republish, allowDirect, mirrorDirect,
                    discardNewPerSubject, sealed, denyDelete, denyPurge, allowRollupHeaders, subjectTransform,
                    firstSeq, metadata);
        }
    }
}
