package io.hermod.store.engine;

import io.hermod.store.api.ClusterInfo;
import io.hermod.store.api.GoJson;
import io.hermod.store.api.StreamConfig;
import io.hermod.store.api.StreamInfo;
import io.hermod.store.api.StreamInfoResponse;
import io.hermod.store.api.StreamState;
import io.hermod.store.kv.RocksKeyValueStorage;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.Wires;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Does ahead of {@link JetStreamService#start} the part of its first start that needs no store: loading RocksDB's
 * native library, initialising Chronicle Queue's classes (their static set-up probes the platform; see
 * {@link io.hermod.store.log.ChronicleRuntime}) and building Jackson's (de)serialisers of {@link StreamConfig} and
 * of the stream info reply. About a quarter of a second of CPU together, which a server's start can spend on another
 * core while its main thread parses the command line. Touches no file of any store. Class initialisation is the
 * JVM's to make thread-safe: a start that gets there first simply waits for it.
 */
public final class JetStreamWarmUp {
    private JetStreamWarmUp() {
    }

    public static void run() throws ClassNotFoundException {
        ClassLoader loader = JetStreamWarmUp.class.getClassLoader();
        // The longest first. A start that meets a class still being initialised here waits for it, one that gets
        // to a class before this does initialises it itself; only Jackson's work would be done twice, so it is last.
        Class.forName(SingleChronicleQueueBuilder.class.getName(), true, loader);
        Class.forName(Wires.class.getName(), true, loader);
        Class.forName(BinaryWire.class.getName(), true, loader);
        Class.forName(RocksKeyValueStorage.class.getName(), true, loader);
        StreamConfig config = StreamConfig.named("WARM_UP");
        byte[] json = GoJson.write(config);
        GoJson.read(new String(json, StandardCharsets.UTF_8), StreamConfig.class);
        // What a client asks first after a restart, to learn whether its stream is back.
        GoJson.write(StreamInfoResponse.of(new StreamInfo(config, Instant.EPOCH, StreamState.empty(0),
                new ClusterInfo(null, null)), 0, 0, 0));
    }
}
