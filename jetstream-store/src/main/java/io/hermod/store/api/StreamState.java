package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stream's counters as {@code state} of a stream info: sequences, timestamps ({@link GoTime#ZERO} when the stream
 * is empty), deleted sequences and per-subject counts (the last two only when the INFO request asked for them).
 */
public record StreamState(
        @JsonProperty("messages") long messages,
        @JsonProperty("bytes") long bytes,
        @JsonProperty("first_seq") long firstSeq,
        @JsonProperty("first_ts") Instant firstTime,
        @JsonProperty("last_seq") long lastSeq,
        @JsonProperty("last_ts") Instant lastTime,
        @JsonProperty("num_subjects") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long numSubjects,
        @JsonProperty("subjects") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> subjects,
        @JsonProperty("num_deleted") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long numDeleted,
        @JsonProperty("deleted") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> deleted,
        @JsonProperty("lost") @JsonInclude(JsonInclude.Include.NON_NULL) LostStreamData lost,
        @JsonProperty("consumer_count") int consumerCount) {

    public StreamState {
        firstTime = firstTime == null ? GoTime.ZERO : firstTime;
        lastTime = lastTime == null ? GoTime.ZERO : lastTime;
        subjects = subjects == null ? Map.of() : Map.copyOf(subjects);
        deleted = deleted == null ? List.of() : List.copyOf(deleted);
    }

    /** The state of a stream that never stored a message. */
    public static StreamState empty(int consumerCount) {
        return new StreamState(0, 0, 0, GoTime.ZERO, 0, GoTime.ZERO, 0, null, 0, null, null, consumerCount);
    }

    /** Messages the store found damaged or missing on recovery. */
    public record LostStreamData(
            @JsonProperty("msgs") List<Long> messages,
            @JsonProperty("bytes") long bytes) {
        public LostStreamData {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }
}
