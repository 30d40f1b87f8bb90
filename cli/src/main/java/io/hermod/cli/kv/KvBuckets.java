package io.hermod.cli.kv;

import io.hermod.cli.jetstream.JetStreamSession;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;

import java.io.IOException;

/** Opens a bucket after checking it exists, so a missing bucket fails as NATS says it ("stream not found"). */
final class KvBuckets {
    private KvBuckets() {
    }

    static KeyValue open(JetStreamSession session, String bucket) throws IOException, JetStreamApiException {
        session.connection().keyValueManagement().getStatus(bucket);
        return session.connection().keyValue(bucket);
    }
}
