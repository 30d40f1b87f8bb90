package io.hermod.cli.client;

import io.hermod.cli.client.context.ClientContext;
import io.hermod.cli.client.context.ContextStore;
import io.hermod.cli.client.output.DurationConverter;
import io.hermod.core.config.GoDuration;
import io.nats.client.Connection;
import io.nats.client.JetStreamOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * The connection flags every client command mixes in ({@code @Mixin ConnectionOptions connection}). Each setting
 * comes from its flag, else (for the URL) {@code NATS_URL}, else the context named by {@code --context} or the
 * selected one, else the default, as with the {@code nats} CLI.
 */
public final class ConnectionOptions {
    @Option(names = {"-s", "--server"}, paramLabel = "URL", order = 100,
            description = "NATS server URL(s), comma separated (default: $NATS_URL, the context's, "
                    + ConnectionSettings.DEFAULT_URL + ").")
    private String server;

    @Option(names = "--user", paramLabel = "USER", order = 101, description = "User name.")
    private String user;

    @Option(names = "--password", paramLabel = "PASSWORD", order = 102, description = "Password.")
    private String password;

    @Option(names = "--token", paramLabel = "TOKEN", order = 103, description = "Authorization token.")
    private String token;

    @Option(names = "--nkey", paramLabel = "FILE", order = 104, description = "File with an nkey seed (SU...).")
    private Path nkey;

    @Option(names = "--tlscert", paramLabel = "FILE", order = 105, description = "Client certificate (PEM).")
    private Path tlsCert;

    @Option(names = "--tlskey", paramLabel = "FILE", order = 106, description = "Client certificate's private key (PEM).")
    private Path tlsKey;

    @Option(names = "--tlsca", paramLabel = "FILE", order = 107, description = "CA that signed the server's certificate (PEM).")
    private Path tlsCa;

    @Option(names = "--timeout", paramLabel = "DURATION", order = 108, converter = DurationConverter.class,
            description = "Connect and request timeout, e.g. 500ms, 5s (default: 5s).")
    private Duration timeout;

    @Option(names = "--context", paramLabel = "NAME", order = 109,
            description = "Use this saved context instead of the selected one (see: hermod context).")
    private String context;

    @Option(names = "--trace", order = 110, description = "Print the stack trace of a failure.")
    private boolean trace;

    /** Connects with the resolved settings; a failure is a {@link CommandFailure} with the connection exit code. */
    public Connection connect() {
        return NatsConnector.connect(settings());
    }

    private ConnectionSettings resolved;

    /** The settings to connect with, after flags, {@code NATS_URL} and the context are combined (read once). */
    public ConnectionSettings settings() {
        if (resolved == null) {
            resolved = resolve(System.getenv("NATS_URL"), ContextStore.forUser());
        }
        return resolved;
    }

    ConnectionSettings resolve(String natsUrlEnv, ContextStore store) {
        ClientContext saved = context != null ? store.load(context)
                : store.selectedName().map(store::load).orElse(ClientContext.EMPTY);
        String url = first(server, blankToNull(natsUrlEnv), saved.url(), ConnectionSettings.DEFAULT_URL);
        Duration resolvedTimeout = timeout != null ? timeout
                : saved.timeout() != null ? GoDuration.parse(saved.timeout()) : ConnectionSettings.DEFAULT_TIMEOUT;
        return new ConnectionSettings(url, first(user, saved.user()), first(password, saved.password()),
                first(token, saved.token()), firstPath(nkey, saved.nkey()), firstPath(tlsCert, saved.cert()),
                firstPath(tlsKey, saved.key()), firstPath(tlsCa, saved.ca()), resolvedTimeout);
    }

    /** The timeout to wait for replies with (the flag's, the context's or 5s). */
    public Duration timeout() {
        return settings().timeout();
    }

    /** JetStream API options that wait for replies as long as {@code --timeout} says. */
    public JetStreamOptions jetStreamOptions() {
        return JetStreamOptions.builder().requestTimeout(timeout()).build();
    }

    /** The flags as given (no defaults), to save as a context by {@code hermod context add}. */
    public ClientContext asContext(String description) {
        Function<Path, String> text = p -> p == null ? null : p.toAbsolutePath().toString();
        return new ClientContext(description, server, user, password, token, text.apply(nkey), text.apply(tlsCert),
                text.apply(tlsKey), text.apply(tlsCa), timeout == null ? null : DurationConverter.format(timeout));
    }

    public String contextName() {
        return context;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Path firstPath(Path flag, String saved) {
        return flag != null ? flag : saved == null ? null : Path.of(saved);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
