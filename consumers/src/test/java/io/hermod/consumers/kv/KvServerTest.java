package io.hermod.consumers.kv;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A KeyValue or ObjectStore test's server and jnats connection, started for each test on a fresh store directory
 * and closed after it. Subclasses create their buckets in their own {@code @BeforeEach}, which runs after this one.
 */
abstract class KvServerTest {
    @TempDir
    Path store;

    KvServer server;
    Connection nc;

    @BeforeEach
    void startServer() throws Exception {
        server = KvServer.start(store);
        nc = server.connect();
    }

    @AfterEach
    void stopServer() throws Exception {
        try {
            if (nc != null) {
                nc.close();
            }
        } finally {
            server.close();
        }
    }

    /** Creates the bucket {@code config} describes and opens it. */
    KeyValue openNewBucket(KeyValueConfiguration config) throws Exception {
        nc.keyValueManagement().create(config);
        return nc.keyValue(config.getBucketName());
    }
}
