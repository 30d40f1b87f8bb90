package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;

/** A stream a mirror or source copies from ({@code mirror}, {@code sources[]}). Hermod refuses both for now. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StreamSource(
        @JsonProperty("name") @JsonInclude(JsonInclude.Include.ALWAYS) String name,
        @JsonDeserialize(using = GoJson.Uint64.class) @JsonProperty("opt_start_seq") long optStartSeq,
        @JsonProperty("opt_start_time") Instant optStartTime,
        @JsonProperty("filter_subject") String filterSubject,
        @JsonProperty("external") ExternalStream external) {
    public StreamSource {
        name = name == null ? "" : name;
        filterSubject = filterSubject == null ? "" : filterSubject;
    }
}
