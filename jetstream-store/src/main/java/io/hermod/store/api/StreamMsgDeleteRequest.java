package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** Body of {@code $JS.API.STREAM.MSG.DELETE}: the {@code seq} to remove; {@code no_erase} skips overwriting it. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StreamMsgDeleteRequest(
        @JsonDeserialize(using = GoJson.Uint64.class) @JsonProperty("seq") long seq,
        @JsonProperty("no_erase") boolean noErase) {
}
