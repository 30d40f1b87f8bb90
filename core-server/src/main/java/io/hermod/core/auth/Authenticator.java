package io.hermod.core.auth;

import io.hermod.core.protocol.ConnectOptions;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a client's CONNECT credentials against an {@link AuthConfig}, in nats-server's order: an NKey (when NKey
 * users exist and the client names one, its signature of the connection's nonce must verify), else a user of the
 * users list (with {@code verify_and_map}, the one the client's certificate names, see
 * {@link CertificateUserMapping}; otherwise the CONNECT's user, or the no_auth_user for a client that sends no
 * credentials), else the token, else the single user.
 * Immutable and thread-safe; a new one is built when the configuration is reloaded.
 */
public final class Authenticator {
    private final AuthConfig config;
    private final Map<String, User> users = new HashMap<>();
    private final Map<String, NkeyUser> nkeys = new HashMap<>();
    private final Map<String, NKeyPublicKey> nkeyKeys = new HashMap<>();
    private final CertificateUserMapping certificateMapping;

    public Authenticator(AuthConfig config) {
        this.config = config;
        for (User user : config.users()) {
            users.put(user.name(), user);
        }
        for (NkeyUser user : config.nkeys()) {
            nkeys.put(user.publicKey(), user);
            nkeyKeys.put(user.publicKey(), NKeyPublicKey.parseUserKey(user.publicKey()));
        }
        certificateMapping = new CertificateUserMapping(config.users());
    }

    public AuthConfig config() {
        return config;
    }

    public boolean required() {
        return config.required();
    }

    public boolean nonceRequired() {
        return config.nonceRequired();
    }

    /** As {@link #authenticate(ConnectOptions, String, boolean, List)} on a listener without verify_and_map. */
    public Optional<ClientIdentity> authenticate(ConnectOptions connect, String nonce) {
        return authenticate(connect, nonce, false, List.of());
    }

    /**
     * @param nonce            the nonce this connection's INFO carried, null when there was none
     * @param mapCertificate   whether the client's listener has {@code verify_and_map}: a users-list client is
     *                         then the user its certificate names (the CONNECT's user is ignored, its password
     *                         must still match that user's, so is empty for a user without one)
     * @param peerCertificates the client's verified chain, leaf first; empty without a certificate, which fails
     *                         the mapping
     * @return who the client is, or empty when its credentials do not pass
     */
    public Optional<ClientIdentity> authenticate(ConnectOptions connect, String nonce, boolean mapCertificate,
                                                 List<X509Certificate> peerCertificates) {
        if (!config.required()) {
            return Optional.of(ClientIdentity.ANONYMOUS);
        }
        if (!nkeys.isEmpty() && notEmpty(connect.nkey)) {
            return authenticateNkey(connect, nonce);
        }
        if (!users.isEmpty() && mapCertificate) {
            Optional<User> mapped = peerCertificates.isEmpty() ? Optional.empty()
                    : certificateMapping.userFor(peerCertificates.get(0));
            return mapped.filter(user -> Passwords.matches(user.password(), connect.pass))
                    .map(user -> new ClientIdentity(user.name(), user.permissions()));
        }
        if (!users.isEmpty()) {
            String name = connect.user;
            String password = connect.pass;
            if (!notEmpty(name) && !notEmpty(connect.authToken) && !notEmpty(connect.nkey)
                    && config.noAuthUser() != null) {
                User fallback = users.get(config.noAuthUser());
                name = fallback.name();
                password = fallback.password();
            }
            if (notEmpty(name)) {
                User user = users.get(name);
                if (user == null || !Passwords.matches(user.password(), password)) {
                    return Optional.empty();
                }
                return Optional.of(new ClientIdentity(user.name(), user.permissions()));
            }
        }
        if (config.token() != null) {
            return Passwords.matches(config.token(), connect.authToken)
                    ? Optional.of(ClientIdentity.ANONYMOUS) : Optional.empty();
        }
        if (config.username() != null) {
            boolean ok = config.username().equals(connect.user) && Passwords.matches(config.password(), connect.pass);
            return ok ? Optional.of(new ClientIdentity(config.username(), Permissions.ALL)) : Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<ClientIdentity> authenticateNkey(ConnectOptions connect, String nonce) {
        NkeyUser user = nkeys.get(connect.nkey);
        if (user == null || nonce == null) {
            return Optional.empty();
        }
        boolean verified = nkeyKeys.get(connect.nkey).verifies(nonce.getBytes(StandardCharsets.US_ASCII), connect.sig);
        return verified ? Optional.of(new ClientIdentity(user.publicKey(), user.permissions())) : Optional.empty();
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
