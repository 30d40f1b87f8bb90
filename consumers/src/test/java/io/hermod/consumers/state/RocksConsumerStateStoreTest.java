package io.hermod.consumers.state;

import io.hermod.store.kv.RocksKeyValueStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real RocksDB in a temporary directory, reopened (closed and opened again) on demand. */
class RocksConsumerStateStoreTest extends ConsumerStateStoreContract {
    @TempDir
    Path dir;

    private RocksKeyValueStorage kv;
    private RocksConsumerStateStore store;

    @Override
    ConsumerStateStore store() {
        if (store == null) {
            kv = RocksKeyValueStorage.open(dir);
            store = new RocksConsumerStateStore(kv);
        }
        return store;
    }

    @Override
    ConsumerStateStore reopen() {
        if (kv != null) {
            kv.close();
        }
        kv = RocksKeyValueStorage.open(dir);
        store = new RocksConsumerStateStore(kv);
        return store;
    }

    @AfterEach
    void close() {
        if (kv != null) {
            kv.close();
        }
    }
}
