package io.hermod.consumers.state;

import java.util.Objects;

/** A consumer by its stream's name and its own (durable name or the generated ephemeral name). */
public record ConsumerId(String stream, String name) {

    public ConsumerId {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(name, "name");
        if (stream.isEmpty() || name.isEmpty()) {
            throw new IllegalArgumentException("stream and consumer names must not be empty");
        }
    }

    @Override
    public String toString() {
        return stream + " > " + name;
    }
}
