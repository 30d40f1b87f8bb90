package io.hermod.core.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The client's CONNECT options (nats-server's {@code ClientOpts}). Credentials are carried for the
 * authentication that checks them; unknown fields are ignored, as nats-server does.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ConnectOptions {
    // nats-server's defaults for a client that leaves them out (or sends ops before CONNECT): verbose, pedantic.
    @JsonProperty("verbose") public boolean verbose = true;
    @JsonProperty("pedantic") public boolean pedantic = true;
    @JsonProperty("tls_required") public boolean tlsRequired;
    @JsonProperty("echo") public boolean echo = true;
    @JsonProperty("headers") public boolean headers;
    @JsonProperty("no_responders") public boolean noResponders;
    @JsonProperty("name") public String name;
    @JsonProperty("lang") public String lang;
    @JsonProperty("version") public String version;
    @JsonProperty("protocol") public int protocol;
    @JsonProperty("user") public String user;
    @JsonProperty("pass") public String pass;
    @JsonProperty("auth_token") public String authToken;
    @JsonProperty("jwt") public String jwt;
    @JsonProperty("nkey") public String nkey;
    @JsonProperty("sig") public String sig;

    /** What a connection assumes before (or without) CONNECT. */
    public static ConnectOptions defaults() {
        return new ConnectOptions();
    }
}
