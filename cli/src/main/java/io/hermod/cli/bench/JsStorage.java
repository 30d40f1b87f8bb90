package io.hermod.cli.bench;

import io.nats.client.api.StorageType;

import java.util.Locale;

/** Where the bench stream keeps its messages: {@code --storage file|memory}. */
enum JsStorage {
    FILE(StorageType.File),
    MEMORY(StorageType.Memory);

    private final StorageType jnats;

    JsStorage(StorageType jnats) {
        this.jnats = jnats;
    }

    StorageType jnats() {
        return jnats;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code file} or {@code memory}, in any case; anything else is a usage error. */
    static JsStorage parse(String text) {
        for (JsStorage storage : values()) {
            if (storage.label().equalsIgnoreCase(text.trim())) {
                return storage;
            }
        }
        throw new IllegalArgumentException("--storage takes file or memory, not '" + text + "'");
    }
}
