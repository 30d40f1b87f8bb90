package io.hermod.consumers.kv;

import io.hermod.consumers.engine.ConsumerTestServer;
import io.hermod.store.api.NatsJetStreamServer;
import io.nats.client.Connection;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The server a KeyValue test talks to: Hermod, or, with {@code -Dhermod.kv.reference=true}, nats-server 2.9.10, so
 * that the tests' expectations can be checked against the reference (skipped when it is not installed).
 */
interface KvServer extends AutoCloseable {
    String REFERENCE_PROPERTY = "hermod.kv.reference";

    String url();

    default Connection connect() throws IOException, InterruptedException {
        return ConsumerTestServer.connectTo(url());
    }

    @Override
    void close();

    static KvServer start(Path storeDir) throws IOException, InterruptedException {
        if (!Boolean.getBoolean(REFERENCE_PROPERTY)) {
            ConsumerTestServer hermod = ConsumerTestServer.start(storeDir);
            return new KvServer() {
                @Override
                public String url() {
                    return hermod.url();
                }

                @Override
                public void close() {
                    hermod.close();
                }
            };
        }
        NatsJetStreamServer nats = NatsJetStreamServer.start();
        return new KvServer() {
            @Override
            public String url() {
                return nats.url();
            }

            @Override
            public void close() {
                nats.close();
            }
        };
    }
}
