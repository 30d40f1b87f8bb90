package io.hermod.consumers.engine;

import io.hermod.consumers.api.ConsumerCreateRequest;
import io.hermod.consumers.api.ConsumerDeleteResponse;
import io.hermod.consumers.api.ConsumerInfo;
import io.hermod.consumers.api.ConsumerInfoResponse;
import io.hermod.consumers.api.ConsumerListRequest;
import io.hermod.consumers.api.ConsumerListResponse;
import io.hermod.consumers.api.ConsumerNamesResponse;
import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.consumers.config.ConsumerConfigValidator;
import io.hermod.store.api.ApiError;
import io.hermod.store.api.ApiErrorResponse;
import io.hermod.store.api.GoJson;
import io.hermod.store.api.JsApiError;
import io.hermod.store.api.JsApiException;
import io.hermod.store.api.StreamConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The {@code $JS.API.CONSUMER.*} administration endpoints (CREATE in its three subject forms, INFO, DELETE, NAMES,
 * LIST) with nats-server 2.9.10's checks of the request subject ({@code jsConsumerCreateRequest}) and of updates
 * ({@code updateConfig}). Subjects it does not serve get no reply. Runs on the consumers' worker thread only.
 */
final class ConsumerApi {
    /** nats-server 2.9.10's {@code inactive_threshold} for consumers without a durable name. */
    static final long EPHEMERAL_INACTIVE_THRESHOLD_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Logger log = LoggerFactory.getLogger(ConsumerApi.class);
    private static final String NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final ApiConsumers consumers;
    private final RequestCounter counter;
    private final ConsumerConfigValidator validator = new ConsumerConfigValidator();
    private final SecureRandom random = new SecureRandom();

    private enum CreateForm { EPHEMERAL, DURABLE, NAMED }

    ConsumerApi(ApiConsumers consumers, RequestCounter counter) {
        this.consumers = consumers;
        this.counter = counter;
    }

    /** The reply to a request on {@code tokens} (the subject split at dots, from {@code CONSUMER} on), or empty. */
    Optional<byte[]> handle(String[] tokens, byte[] body) {
        if (tokens.length < 3) {
            return Optional.empty();
        }
        String verb = tokens[1];
        return switch (verb) {
            case "CREATE" -> Optional.of(call(() -> create(tokens.length == 3 ? CreateForm.EPHEMERAL
                    : CreateForm.NAMED, tokens, body), ConsumerInfoResponse::createFailed));
            case "DURABLE" -> tokens.length == 5 && tokens[2].equals("CREATE")
                    ? Optional.of(call(() -> create(CreateForm.DURABLE, tokens, body),
                    ConsumerInfoResponse::createFailed))
                    : Optional.empty();
            case "INFO" -> tokens.length == 4
                    ? Optional.of(call(() -> ConsumerInfoResponse.of(lookupEmpty(tokens[2], tokens[3], body).info()),
                    ConsumerInfoResponse::infoFailed))
                    : Optional.empty();
            case "DELETE" -> tokens.length == 4
                    ? Optional.of(call(() -> delete(tokens[2], tokens[3], body), ConsumerDeleteResponse::failed))
                    : Optional.empty();
            case "NAMES" -> tokens.length == 3
                    ? Optional.of(call(() -> names(tokens[2], body), ConsumerNamesResponse::failed))
                    : Optional.empty();
            case "LIST" -> tokens.length == 3
                    ? Optional.of(call(() -> list(tokens[2], body), ConsumerListResponse::failed))
                    : Optional.empty();
            // A cluster's consumer leader step-down, which nats-server refuses when not clustered.
            case "LEADER" -> tokens.length == 5 && tokens[2].equals("STEPDOWN")
                    ? Optional.of(call(() -> {
                        throw JsApiError.CLUSTER_REQUIRED.exception();
                    }, e -> new ApiErrorResponse(ApiErrorResponse.CONSUMER_LEADER_STEPDOWN, e)))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private byte[] call(java.util.function.Supplier<Object> handler, Function<ApiError, Object> failed) {
        try {
            byte[] reply = GoJson.write(handler.get());
            counter.count(false);
            return reply;
        } catch (JsApiException e) {
            counter.count(true);
            return GoJson.write(failed.apply(e.error()));
        } catch (RuntimeException e) {
            log.warn("consumer API request failed", e);
            counter.count(true);
            return GoJson.write(failed.apply(JsApiError.CONSUMER_CREATE.error(String.valueOf(e.getMessage()))));
        }
    }

    /** Where served requests are counted (JetStream's API totals). */
    interface RequestCounter {
        void count(boolean failed);
    }

    private ConsumerInfoResponse create(CreateForm form, String[] tokens, byte[] body) {
        String stream;
        String name = "";
        String filter = "";
        if (form == CreateForm.DURABLE) {
            stream = tokens[3];
            name = tokens[4];
        } else {
            stream = tokens[2];
            if (form == CreateForm.NAMED) {
                name = tokens[3];
                if (tokens.length > 4) {
                    filter = String.join(".", Arrays.copyOfRange(tokens, 4, tokens.length));
                }
            }
        }
        ConsumerCreateRequest request = GoJson.readRequest(body, ConsumerCreateRequest.class, null);
        if (request == null) {
            throw JsApiError.INVALID_JSON.exception();
        }
        if (!stream.equals(request.streamName())) {
            throw JsApiError.STREAM_MISMATCH.exception();
        }
        if (name.contains("/") || name.contains("\\")) {
            throw JsApiError.CONSUMER_NAME_CONTAINS_PATH_SEPARATORS.exception();
        }
        ConsumerConfig config = request.config();
        switch (form) {
            case DURABLE -> {
                if (!config.isDurable()) {
                    throw JsApiError.CONSUMER_DURABLE_NAME_NOT_SET.exception();
                }
                if (!name.equals(config.durableName())) {
                    throw JsApiError.CONSUMER_DURABLE_NAME_NOT_MATCH_SUBJECT.exception();
                }
            }
            case NAMED -> {
                if (config.isDurable() && !name.equals(config.durableName())) {
                    throw JsApiError.CONSUMER_DURABLE_NAME_NOT_MATCH_SUBJECT.exception();
                }
                config = config.toBuilder().name(name).build();
            }
            case EPHEMERAL -> {
                if (config.isDurable()) {
                    throw JsApiError.CONSUMER_EPHEMERAL_WITH_DURABLE_NAME.exception();
                }
            }
        }
        if (!filter.isEmpty() && !filter.equals(config.filterSubject())) {
            throw JsApiError.CONSUMER_CREATE_FILTER_SUBJECT_MISMATCH.exception();
        }
        StreamConfig streamConfig = consumers.streamConfig(stream)
                .orElseThrow(JsApiError.STREAM_NOT_FOUND::exception);
        if (config.isDurable() && !config.name().isEmpty() && !config.name().equals(config.durableName())) {
            throw JsApiError.CONSUMER_CREATE_DURABLE_AND_NAME_MISMATCH.exception();
        }
        String consumerName = config.isDurable() ? config.durableName() : config.name();
        Optional<Consumer> existing = consumerName.isEmpty() ? Optional.empty()
                : consumers.find(stream, consumerName);
        if (existing.isPresent()) {
            return ConsumerInfoResponse.created(update(existing.get(), defaults(config), streamConfig));
        }
        List<ConsumerConfig> others = consumers.of(stream).stream().map(Consumer::config).toList();
        ConsumerConfig valid = defaults(validator.validateNew(config, streamConfig, others));
        if (consumerName.isEmpty()) {
            do {
                consumerName = randomName();
            } while (consumers.find(stream, consumerName).isPresent());
        }
        Consumer created = consumers.create(stream, consumerName, valid, streamConfig);
        return ConsumerInfoResponse.created(created.info());
    }

    /** An existing consumer asked for again: unchanged when the configuration is the same, else updated. */
    private ConsumerInfo update(Consumer consumer, ConsumerConfig requested, StreamConfig streamConfig) {
        ConsumerConfig current = consumer.config();
        if (requested.equals(current)) {
            return consumer.info();
        }
        String refused = null;
        if (requested.deliverPolicy() != current.deliverPolicy()) {
            refused = "deliver policy can not be updated";
        } else if (requested.optStartSeq() != current.optStartSeq()) {
            refused = "start sequence can not be updated";
        } else if (!java.util.Objects.equals(requested.optStartTime(), current.optStartTime())) {
            refused = "start time can not be updated";
        } else if (requested.ackPolicy() != current.ackPolicy()) {
            refused = "ack policy can not be updated";
        } else if (requested.replayPolicy() != current.replayPolicy()) {
            refused = "replay policy can not be updated";
        } else if (requested.idleHeartbeatNanos() != current.idleHeartbeatNanos()) {
            refused = "heart beats can not be updated";
        } else if (requested.flowControl() != current.flowControl()) {
            refused = "flow control can not be updated";
        } else if (requested.maxWaiting() != current.maxWaiting()) {
            refused = "max waiting can not be updated";
        } else if (!requested.deliverSubject().equals(current.deliverSubject())) {
            if (current.isPull()) {
                refused = "can not update pull consumer to push based";
            } else if (requested.isPull()) {
                refused = "can not update push consumer to pull based";
            } else if (consumer.info().pushBound()) {
                // nats-server: the deliver subject of a bound push consumer stays until its subscriber is gone
                throw JsApiError.CONSUMER_NAME_EXIST.exception();
            }
        }
        if (refused != null) {
            throw JsApiError.CONSUMER_CREATE.exception(refused);
        }
        List<ConsumerConfig> others = consumers.of(consumer.id().stream()).stream()
                .filter(c -> c != consumer).map(Consumer::config).toList();
        ConsumerConfig valid = defaults(validator.validateNew(requested, streamConfig, others));
        consumer.update(valid);
        return consumer.info();
    }

    /** The validator's defaults, and nats's inactive threshold for consumers without a durable name. */
    private ConsumerConfig defaults(ConsumerConfig config) {
        ConsumerConfig c = validator.applyDefaults(config);
        if (!c.isDurable() && c.inactiveThresholdNanos() == 0) {
            c = c.toBuilder().inactiveThresholdNanos(EPHEMERAL_INACTIVE_THRESHOLD_NANOS).build();
        }
        return c;
    }

    private String randomName() {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            b.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return b.toString();
    }

    private Consumer lookup(String stream, String name) {
        if (consumers.streamConfig(stream).isEmpty()) {
            throw JsApiError.STREAM_NOT_FOUND.exception();
        }
        return consumers.find(stream, name).orElseThrow(JsApiError.CONSUMER_NOT_FOUND::exception);
    }

    /** The consumer of a request that takes no body: nats-server refuses one with a body before looking. */
    private Consumer lookupEmpty(String stream, String name, byte[] body) {
        if (!GoJson.isEmptyRequest(body)) {
            throw JsApiError.NOT_EMPTY_REQUEST.exception();
        }
        return lookup(stream, name);
    }

    private ConsumerDeleteResponse delete(String stream, String name, byte[] body) {
        lookupEmpty(stream, name, body);
        consumers.delete(stream, name);
        return ConsumerDeleteResponse.ok();
    }

    private ConsumerNamesResponse names(String stream, byte[] body) {
        List<Consumer> all = all(stream);
        int offset = offset(body, all.size());
        List<String> page = all.subList(offset, Math.min(all.size(), offset + ConsumerNamesResponse.LIMIT))
                .stream().map(c -> c.id().name()).toList();
        return ConsumerNamesResponse.of(all.size(), offset, page);
    }

    private ConsumerListResponse list(String stream, byte[] body) {
        List<Consumer> all = all(stream);
        int offset = offset(body, all.size());
        List<ConsumerInfo> page = all.subList(offset, Math.min(all.size(), offset + ConsumerListResponse.LIMIT))
                .stream().map(Consumer::info).toList();
        return ConsumerListResponse.of(all.size(), offset, page);
    }

    private List<Consumer> all(String stream) {
        if (consumers.streamConfig(stream).isEmpty()) {
            throw JsApiError.STREAM_NOT_FOUND.exception();
        }
        return consumers.of(stream);
    }

    private static int offset(byte[] body, int size) {
        ConsumerListRequest request = GoJson.readRequest(body, ConsumerListRequest.class, ConsumerListRequest.FIRST);
        return Math.min(Math.max(request.offset(), 0), size);
    }
}
