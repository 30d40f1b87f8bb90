package io.hermod.consumers.engine;

import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.store.api.StreamConfig;

import java.util.List;
import java.util.Optional;

/** What {@link ConsumerApi} needs of the consumers it administers; called on the consumers' worker thread only. */
interface ApiConsumers {
    Optional<StreamConfig> streamConfig(String stream);

    Optional<Consumer> find(String stream, String name);

    /** The consumers of a stream in name order. */
    List<Consumer> of(String stream);

    Consumer create(String stream, String name, ConsumerConfig config, StreamConfig streamConfig);

    boolean delete(String stream, String name);
}
