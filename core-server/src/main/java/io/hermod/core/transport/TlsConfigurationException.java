package io.hermod.core.transport;

/** TLS settings that can not be used (a missing or unreadable file, a key that does not match its certificate). */
public final class TlsConfigurationException extends IllegalArgumentException {
    public TlsConfigurationException(String message) {
        super(message);
    }

    public TlsConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
