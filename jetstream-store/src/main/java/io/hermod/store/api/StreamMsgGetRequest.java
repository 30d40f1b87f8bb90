package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of {@code $JS.API.STREAM.MSG.GET} and, in nats-server 2.9.10 the very same structure, of
 * {@code $JS.API.DIRECT.GET}: a {@code seq}, or the last message of {@code last_by_subj}, or the first message at or
 * after {@code seq} on {@code next_by_subj}.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StreamMsgGetRequest(
        @JsonDeserialize(using = GoJson.Uint64.class) @JsonProperty("seq") long seq,
        @JsonProperty("last_by_subj") String lastBySubject,
        @JsonProperty("next_by_subj") String nextBySubject) {

    public StreamMsgGetRequest {
        lastBySubject = lastBySubject == null ? "" : lastBySubject;
        nextBySubject = nextBySubject == null ? "" : nextBySubject;
    }

    /**
     * nats-server's rule: {@code seq} together with {@code last_by_subj}, {@code last_by_subj} together with
     * {@code next_by_subj}, or none of the three, is a {@link JsApiError#BAD_REQUEST}.
     */
    public void check() {
        if (isEmpty() || seq > 0 && !lastBySubject.isEmpty()
                || !lastBySubject.isEmpty() && !nextBySubject.isEmpty()) {
            throw JsApiError.BAD_REQUEST.exception();
        }
    }

    /** None of the three is set. */
    public boolean isEmpty() {
        return seq == 0 && lastBySubject.isEmpty() && nextBySubject.isEmpty();
    }
}
