package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code $JS.API.STREAM.LIST}: same fields as {@link StreamNamesRequest}, answered with full infos. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StreamListRequest(
        @JsonProperty("offset") int offset,
        @JsonProperty("subject") String subject) {
    public static final StreamListRequest ALL = new StreamListRequest(0, "");

    public StreamListRequest {
        subject = subject == null ? "" : subject;
    }
}
