package io.hermod.store.engine;

import io.hermod.store.StorageType;
import io.hermod.store.api.AccountInfo;
import io.hermod.store.api.AccountInfoResponse;
import io.hermod.store.api.ApiErrorResponse;
import io.hermod.store.api.ApiError;
import io.hermod.store.api.GoJson;
import io.hermod.store.api.JsApiError;
import io.hermod.store.api.JsApiException;
import io.hermod.store.api.StreamCreateResponse;
import io.hermod.store.api.StreamDeleteResponse;
import io.hermod.store.api.StreamInfoResponse;
import io.hermod.store.api.StreamListResponse;
import io.hermod.store.api.StreamMsgDeleteResponse;
import io.hermod.store.api.StreamMsgGetResponse;
import io.hermod.store.api.StreamNamesResponse;
import io.hermod.store.api.StreamPurgeResponse;
import io.hermod.store.api.StreamRestoreResponse;
import io.hermod.store.api.StreamUpdateResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Maps a {@code $JS.API} request subject to its handler and turns the outcome into the reply: the model as JSON,
 * or the endpoint's error reply for a {@link JsApiException}. Subjects it does not serve (consumer APIs, unknown
 * verbs, a stream token with dots) get no reply, as nats-server has no responder for them. Counts requests and
 * errors for {@code $JS.API.INFO}. Runs on the API thread, but for direct gets, which run on their requesters'
 * threads.
 */
final class JsApiRouter {
    private static final Logger log = LoggerFactory.getLogger(JsApiRouter.class);
    private static final String PREFIX = "$JS.API.";
    private static final String DIRECT_GET = PREFIX + "DIRECT.GET.";

    private final StreamRegistry registry;
    private final DirectGetApi direct;
    private final ToIntFunction<String> consumerCount;
    private final List<Endpoint> endpoints;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    /** @param exact the subject is the whole prefix (no stream name follows) */
    private record Endpoint(String prefix, boolean exact, BiFunction<String, byte[], Object> handler,
                            Function<ApiError, Object> failed) {
    }

    JsApiRouter(StreamRegistry registry, StreamAdminApi admin, StreamMessageApi messages, DirectGetApi direct,
                ToIntFunction<String> consumerCount) {
        StreamBackupApi backup = new StreamBackupApi(registry);
        this.registry = registry;
        this.direct = direct;
        this.consumerCount = consumerCount;
        this.endpoints = List.of(
                new Endpoint(PREFIX + "INFO", true, (n, b) -> accountInfo(), AccountInfoResponse::failed),
                new Endpoint(PREFIX + "STREAM.CREATE.", false, admin::create, StreamCreateResponse::failed),
                new Endpoint(PREFIX + "STREAM.UPDATE.", false, admin::update, StreamUpdateResponse::failed),
                new Endpoint(PREFIX + "STREAM.INFO.", false, admin::info, StreamInfoResponse::failed),
                new Endpoint(PREFIX + "STREAM.DELETE.", false, admin::delete, StreamDeleteResponse::failed),
                new Endpoint(PREFIX + "STREAM.PURGE.", false, messages::purge, StreamPurgeResponse::failed),
                new Endpoint(PREFIX + "STREAM.NAMES", true, (n, b) -> admin.names(b), StreamNamesResponse::failed),
                new Endpoint(PREFIX + "STREAM.LIST", true, (n, b) -> admin.list(b), StreamListResponse::failed),
                new Endpoint(PREFIX + "STREAM.MSG.GET.", false, messages::get, StreamMsgGetResponse::failed),
                new Endpoint(PREFIX + "STREAM.MSG.DELETE.", false, messages::delete,
                        StreamMsgDeleteResponse::failed),
                new Endpoint(PREFIX + "STREAM.SNAPSHOT.", false, backup::snapshot,
                        e -> new ApiErrorResponse(ApiErrorResponse.STREAM_SNAPSHOT, e)),
                new Endpoint(PREFIX + "STREAM.RESTORE.", false, backup::restore, StreamRestoreResponse::failed),
                // Operations on a cluster's stream leader and peers, which nats-server refuses when not clustered.
                new Endpoint(PREFIX + "STREAM.LEADER.STEPDOWN.", false, JsApiRouter::clusterRequired,
                        e -> new ApiErrorResponse(ApiErrorResponse.STREAM_LEADER_STEPDOWN, e)),
                new Endpoint(PREFIX + "STREAM.PEER.REMOVE.", false, JsApiRouter::clusterRequired,
                        e -> new ApiErrorResponse(ApiErrorResponse.STREAM_REMOVE_PEER, e)));
    }

    static boolean isDirectGet(String subject) {
        return subject.startsWith(DIRECT_GET);
    }

    Optional<ApiReply> handle(String subject, byte[] body) {
        if (subject.startsWith(DIRECT_GET)) {
            return direct.get(subject.substring(DIRECT_GET.length()), body);
        }
        for (Endpoint endpoint : endpoints) {
            String name;
            if (endpoint.exact()) {
                if (!subject.equals(endpoint.prefix())) {
                    continue;
                }
                name = null;
            } else {
                if (!subject.startsWith(endpoint.prefix())) {
                    continue;
                }
                name = subject.substring(endpoint.prefix().length());
                if (name.isEmpty() || name.indexOf('.') >= 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(ApiReply.json(GoJson.write(call(endpoint, name, body))));
        }
        return Optional.empty();
    }

    private static Object clusterRequired(String name, byte[] body) {
        throw JsApiError.CLUSTER_REQUIRED.exception();
    }

    /** Counted once answered: nats-server's account info shows the requests before it, not itself. */
    private Object call(Endpoint endpoint, String name, byte[] body) {
        try {
            return endpoint.handler().apply(name, body);
        } catch (JsApiException e) {
            errors.incrementAndGet();
            return endpoint.failed().apply(e.error());
        } catch (RuntimeException e) {
            log.warn("JetStream API request on {} failed", endpoint.prefix(), e);
            errors.incrementAndGet();
            return endpoint.failed().apply(JsApiError.STREAM_GENERAL_ERROR.error(String.valueOf(e.getMessage())));
        } finally {
            total.incrementAndGet();
        }
    }

    /** Counts a request served elsewhere (the consumers' endpoints), as nats counts every API request. */
    void count(boolean failed) {
        total.incrementAndGet();
        if (failed) {
            errors.incrementAndGet();
        }
    }

    /** API requests served so far. */
    long apiTotal() {
        return total.get();
    }

    /** API requests answered with an error so far. */
    long apiErrors() {
        return errors.get();
    }

    private AccountInfoResponse accountInfo() {
        List<Stream> streams = registry.all();
        int consumers = streams.stream().mapToInt(s -> consumerCount.applyAsInt(s.name())).sum();
        return AccountInfoResponse.of(new AccountInfo(registry.usedBytes(StorageType.MEMORY),
                registry.usedBytes(StorageType.FILE), streams.size(), consumers, AccountInfo.Limits.unlimited(), "",
                new AccountInfo.ApiStats(total.get(), errors.get())));
    }
}
