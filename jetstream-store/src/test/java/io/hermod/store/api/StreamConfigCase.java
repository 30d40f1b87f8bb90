package io.hermod.store.api;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code $JS.API.STREAM.CREATE/UPDATE} request and the error nats-server 2.9.10 answered it with, against the
 * streams of {@link #SETUP}. Shared by the unit test (expected errors as recorded) and the differential test
 * (expected errors asked live).
 */
record StreamConfigCase(String title, Operation operation, String streamName, String body, ApiError expected) {
    enum Operation {
        CREATE("$JS.API.STREAM.CREATE."), UPDATE("$JS.API.STREAM.UPDATE.");

        final String prefix;

        Operation(String prefix) {
            this.prefix = prefix;
        }
    }

    /** The BASE stream every case runs against. */
    static final String BASE_BODY =
            "{\"name\":\"BASE\",\"subjects\":[\"base.>\"],\"max_consumers\":3,\"deny_delete\":true,\"deny_purge\":true";
    /** Requests that build the state the cases run against: BASE, and LOCKED which is then sealed. */
    static final List<StreamConfigCase> SETUP = List.of(
            ok(Operation.CREATE, "BASE", BASE_BODY + "}"),
            ok(Operation.CREATE, "LOCKED", "{\"name\":\"LOCKED\",\"subjects\":[\"locked\"]}"),
            ok(Operation.UPDATE, "LOCKED", "{\"name\":\"LOCKED\",\"subjects\":[\"locked\"],\"sealed\":true}"));

    static StreamConfigCase ok(Operation operation, String streamName, String body) {
        return new StreamConfigCase("setup " + streamName, operation, streamName, body, null);
    }

    String subject() {
        return operation.prefix + streamName;
    }

    /**
     * What Hermod answers: the body parsed as the handler will, then validated against {@code streams}.
     * Returns the error, or {@code null} and records the resulting configuration in {@code streams}.
     */
    ApiError hermodOutcome(Map<String, StreamConfig> streams) {
        StreamConfigValidator validator = new StreamConfigValidator();
        try {
            StreamConfig requested = GoJson.readRequest(body.getBytes(StandardCharsets.UTF_8),
                    StreamConfig.class, StreamConfig.named(""));
            Collection<StreamConfig> existing = streams.values();
            StreamConfig result = operation == Operation.CREATE
                    ? validator.validateCreate(streamName, requested, existing)
                    : validator.validateUpdate(streamName, requested, streams.get(streamName), existing);
            streams.put(result.name(), result);
            return null;
        } catch (JsApiException e) {
            return e.error();
        }
    }

    /** The streams of {@link #SETUP} as Hermod validates them. */
    static Map<String, StreamConfig> hermodSetup() {
        Map<String, StreamConfig> streams = new LinkedHashMap<>();
        for (StreamConfigCase step : SETUP) {
            ApiError error = step.hermodOutcome(streams);
            if (error != null) {
                throw new IllegalStateException(step.body + " refused: " + error);
            }
        }
        return streams;
    }

    @Override
    public String toString() {
        return title;
    }
}
