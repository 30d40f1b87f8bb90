package io.hermod.cli.client;

import io.nats.client.AuthHandler;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** Builds a jnats {@link Connection} from {@link ConnectionSettings}: one attempt, no reconnects, quiet. */
public final class NatsConnector {
    private NatsConnector() {
    }

    /** @throws CommandFailure with {@link ExitCodes#CONNECTION} when the server cannot be reached or refuses us */
    public static Connection connect(ConnectionSettings settings) {
        Options options = options(settings);
        try {
            return Nats.connect(options);
        } catch (AuthenticationException e) {
            throw CommandFailure.connection("cannot connect to " + settings.url() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw CommandFailure.connection("cannot connect to " + settings.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailure.connection("interrupted while connecting to " + settings.url(), e);
        }
    }

    static Options options(ConnectionSettings settings) {
        Options.Builder b = new Options.Builder()
                .servers(Arrays.stream(settings.url().split(",")).map(String::trim).toArray(String[]::new))
                .connectionName("hermod-cli")
                .connectionTimeout(settings.timeout())
                .maxReconnects(0)
                .reportNoResponders()
                .errorListener(new QuietErrorListener());
        if (settings.user() != null) {
            b.userInfo(settings.user(), settings.password() == null ? "" : settings.password());
        }
        if (settings.token() != null) {
            b.token(settings.token().toCharArray());
        }
        if (settings.nkey() != null) {
            b.authHandler(nkeyAuth(settings.nkey()));
        }
        if (settings.tlsGiven()) {
            b.sslContext(sslContext(settings));
        }
        return b.build();
    }

    private static AuthHandler nkeyAuth(Path seedFile) {
        char[] seed = readSeed(seedFile);
        NKey key;
        try {
            key = NKey.fromSeed(seed);
        } catch (RuntimeException e) {
            throw new CommandFailure(ExitCodes.USAGE, "--nkey " + seedFile + " does not hold a valid nkey seed");
        }
        return new AuthHandler() {
            @Override
            public byte[] sign(byte[] nonce) {
                try {
                    return key.sign(nonce);
                } catch (GeneralSecurityException | IOException e) {
                    throw new IllegalStateException("cannot sign the server's nonce: " + e.getMessage(), e);
                }
            }

            @Override
            public char[] getID() {
                try {
                    return key.getPublicKey();
                } catch (GeneralSecurityException | IOException e) {
                    throw new IllegalStateException("cannot derive the nkey's public key: " + e.getMessage(), e);
                }
            }

            @Override
            public char[] getJWT() {
                return null;
            }
        };
    }

    /** The first line of the file that looks like a user seed, so a file with comments around it works too. */
    private static char[] readSeed(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("SU")) {
                    return trimmed.toCharArray();
                }
            }
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot read --nkey " + file + ": " + e.getMessage(), e);
        }
        throw new CommandFailure(ExitCodes.USAGE, "--nkey " + file + " holds no user seed (a line starting SU)");
    }

    private static SSLContext sslContext(ConnectionSettings settings) {
        if ((settings.tlsCert() == null) != (settings.tlsKey() == null)) {
            throw new CommandFailure(ExitCodes.USAGE, "--tlscert and --tlskey go together");
        }
        try {
            SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
            if (settings.tlsCa() != null) {
                b.trustManager(settings.tlsCa().toFile());
            }
            if (settings.tlsCert() != null) {
                b.keyManager(settings.tlsCert().toFile(), settings.tlsKey().toFile());
            }
            return ((JdkSslContext) b.build()).context();
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot load the TLS files: " + e.getMessage(), e);
        }
    }
}
