package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of {@code $JS.API.STREAM.PURGE}: optional subject {@code filter}, purge below {@code seq} or {@code keep} the
 * newest N. An empty body purges everything ({@link #ALL}).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StreamPurgeRequest(
        @JsonProperty("filter") String filter,
        @JsonDeserialize(using = GoJson.Uint64.class) @JsonProperty("seq") long seq,
        @JsonDeserialize(using = GoJson.Uint64.class) @JsonProperty("keep") long keep) {
    public static final StreamPurgeRequest ALL = new StreamPurgeRequest("", 0, 0);

    public StreamPurgeRequest {
        filter = filter == null ? "" : filter;
    }

    /** nats-server answers {@link JsApiError#BAD_REQUEST} when both {@code seq} and {@code keep} are set. */
    public void check() {
        if (seq > 0 && keep > 0) {
            throw JsApiError.BAD_REQUEST.exception();
        }
    }
}
