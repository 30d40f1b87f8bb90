package io.hermod.cli.client.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A named set of connection settings, saved as JSON with the field names of the {@code nats} CLI's contexts
 * ({@code url}, {@code user}, {@code password}, {@code token}, {@code nkey}, {@code cert}, {@code key}, {@code ca}).
 * Any field may be null: the flag's default then applies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientContext(
        @JsonProperty("description") String description,
        @JsonProperty("url") String url,
        @JsonProperty("user") String user,
        @JsonProperty("password") String password,
        @JsonProperty("token") String token,
        @JsonProperty("nkey") String nkey,
        @JsonProperty("cert") String cert,
        @JsonProperty("key") String key,
        @JsonProperty("ca") String ca,
        @JsonProperty("timeout") String timeout) {

    public static final ClientContext EMPTY = new ClientContext(null, null, null, null, null, null, null, null, null,
            null);

    /** The same settings with secrets masked, for display. */
    public ClientContext masked() {
        return new ClientContext(description, url, user, mask(password), mask(token), nkey, cert, key, ca, timeout);
    }

    private static String mask(String secret) {
        return secret == null ? null : "********";
    }
}
