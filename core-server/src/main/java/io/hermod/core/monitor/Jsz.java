package io.hermod.core.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The {@code /jsz} document with nats-server 2.9's field names and order. */
@JsonPropertyOrder({"server_id", "now", "disabled", "config", "memory", "storage", "reserved_memory",
        "reserved_storage", "accounts", "ha_assets", "api", "streams", "consumers", "messages", "bytes",
        "account_details"})
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
           @JsonProperty("bytes") long bytes,
           @JsonProperty("account_details") @JsonInclude(JsonInclude.Include.NON_EMPTY)
           List<AccountDetail> accountDetails) {

    @JsonPropertyOrder({"max_memory", "max_storage", "store_dir"})
    record Config(@JsonProperty("max_memory") long maxMemory,
                  @JsonProperty("max_storage") long maxStorage,
                  @JsonProperty("store_dir") @JsonInclude(JsonInclude.Include.NON_EMPTY) String storeDir) {
    }

    @JsonPropertyOrder({"total", "errors"})
    record Api(@JsonProperty("total") long total, @JsonProperty("errors") long errors) {
    }

    /**
     * The account's part of {@code /jsz?accounts=true}. nats-server writes the account's unlimited reservations as
     * uint64 -1; {@code streamDetails} are JetStream's documents, parsed to be indented with the rest.
     */
    @JsonPropertyOrder({"name", "id", "memory", "storage", "reserved_memory", "reserved_storage", "accounts",
            "ha_assets", "api", "stream_detail"})
    record AccountDetail(@JsonProperty("name") String name,
                         @JsonProperty("id") String id,
                         @JsonProperty("memory") long memory,
                         @JsonProperty("storage") long storage,
                         @JsonProperty("reserved_memory") @JsonRawValue String reservedMemory,
                         @JsonProperty("reserved_storage") @JsonRawValue String reservedStorage,
                         @JsonProperty("accounts") long accounts,
                         @JsonProperty("ha_assets") long haAssets,
                         @JsonProperty("api") Api api,
                         @JsonProperty("stream_detail") @JsonInclude(JsonInclude.Include.NON_EMPTY)
                         List<JsonNode> streamDetails) {
        static final String UNLIMITED = Long.toUnsignedString(-1);
    }

    /** What nats-server answers when JetStream is off: zeros and {@code "disabled": true}. */
    static Jsz disabled(String serverId, String now) {
        return new Jsz(serverId, now, true, new Config(0, 0, null), 0, 0, 0, 0, 0, 0, new Api(0, 0), 0, 0, 0, 0,
                List.of());
    }

    /** One account ($G) holds every stream, as in a nats-server without accounts. */
    static Jsz of(String serverId, String now, JetStreamReport r, List<AccountDetail> accountDetails) {
        return new Jsz(serverId, now, false, new Config(r.maxMemory(), r.maxStorage(), r.storeDir()), r.memory(),
                r.storage(), 0, 0, 1, 0, new Api(r.apiTotal(), r.apiErrors()), r.streams(), r.consumers(),
                r.messages(), r.bytes(), accountDetails);
    }

    /** The global account's detail, with {@code streamDetails} (none unless asked for). */
    static AccountDetail globalAccount(JetStreamReport r, List<JsonNode> streamDetails) {
        return new AccountDetail(GLOBAL_ACCOUNT, GLOBAL_ACCOUNT, r.memory(), r.storage(), AccountDetail.UNLIMITED,
                AccountDetail.UNLIMITED, 0, 0, new Api(r.apiTotal(), r.apiErrors()), streamDetails);
    }

    static final String GLOBAL_ACCOUNT = "$G";
}
