package io.hermod.store.stream;

import io.hermod.store.StoredMessage;

/** How {@link StreamContents} reaches the messages it accounts for. Called under the stream's lock. */
public interface MessageAccess {

    /** The message stored at {@code seq}, or {@code null} when the storage holds none there. */
    StoredMessage read(long seq);

    /** The message at {@code seq} no longer counts: storage may free it (memory) or keep it for retention. */
    void removed(long seq);
}
