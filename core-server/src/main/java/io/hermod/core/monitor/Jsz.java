package io.hermod.core.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The {@code /jsz} document with nats-server 2.9's field names and order. */
@JsonPropertyOrder({"server_id", "now", "disabled", "config", "memory", "storage", "reserved_memory",
        "reserved_storage", "accounts", "ha_assets", "api", "streams", "consumers", "messages", "bytes"})
record Jsz(@JsonProperty("server_id") String serverId,
           @JsonProperty("now") String now,
           @JsonProperty("disabled") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean disabled,
           @JsonProperty("config") Config config,
           @JsonProperty("memory") long memory,
           @JsonProperty("storage") long storage,
           @JsonProperty("reserved_memory") long reservedMemory,
           @JsonProperty("reserved_storage") long reservedStorage,
           @JsonProperty("accounts") long accounts,
           @JsonProperty("ha_assets") long haAssets,
           @JsonProperty("api") Api api,
           @JsonProperty("streams") long streams,
           @JsonProperty("consumers") long consumers,
           @JsonProperty("messages") long messages,
           @JsonProperty("bytes") long bytes) {

    @JsonPropertyOrder({"max_memory", "max_storage", "store_dir"})
    record Config(@JsonProperty("max_memory") long maxMemory,
                  @JsonProperty("max_storage") long maxStorage,
                  @JsonProperty("store_dir") @JsonInclude(JsonInclude.Include.NON_EMPTY) String storeDir) {
    }

    @JsonPropertyOrder({"total", "errors"})
    record Api(@JsonProperty("total") long total, @JsonProperty("errors") long errors) {
    }

    /** What nats-server answers when JetStream is off: zeros and {@code "disabled": true}. */
    static Jsz disabled(String serverId, String now) {
        return new Jsz(serverId, now, true, new Config(0, 0, null), 0, 0, 0, 0, 0, 0, new Api(0, 0), 0, 0, 0, 0);
    }

    /** One account ($G) holds every stream, as in a nats-server without accounts. */
    static Jsz of(String serverId, String now, JetStreamReport r) {
        return new Jsz(serverId, now, false, new Config(r.maxMemory(), r.maxStorage(), r.storeDir()), r.memory(),
                r.storage(), 0, 0, 1, 0, new Api(r.apiTotal(), r.apiErrors()), r.streams(), r.consumers(),
                r.messages(), r.bytes());
    }
}
