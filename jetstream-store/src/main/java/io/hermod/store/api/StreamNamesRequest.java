package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code $JS.API.STREAM.NAMES}: page {@code offset} and an optional {@code subject} that keeps only the
 * streams whose subjects can match it. An empty body is {@link #ALL}.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StreamNamesRequest(
        @JsonProperty("offset") int offset,
        @JsonProperty("subject") String subject) {
    public static final StreamNamesRequest ALL = new StreamNamesRequest(0, "");

    public StreamNamesRequest {
        subject = subject == null ? "" : subject;
    }
}
