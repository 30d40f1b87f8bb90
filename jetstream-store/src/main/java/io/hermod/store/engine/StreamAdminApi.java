package io.hermod.store.engine;

import io.hermod.store.api.GoJson;
import io.hermod.store.api.JsApiError;
import io.hermod.store.api.StorageType;
import io.hermod.store.api.StreamConfig;
import io.hermod.store.api.StreamConfigValidator;
import io.hermod.store.api.StreamCreateResponse;
import io.hermod.store.api.StreamDeleteResponse;
import io.hermod.store.api.StreamInfo;
import io.hermod.store.api.StreamInfoRequest;
import io.hermod.store.api.StreamInfoResponse;
import io.hermod.store.api.StreamListRequest;
import io.hermod.store.api.StreamListResponse;
import io.hermod.store.api.StreamNamesRequest;
import io.hermod.store.api.StreamNamesResponse;
import io.hermod.store.api.StreamUpdateResponse;
import io.hermod.store.api.SubjectOverlap;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code $JS.API.STREAM.CREATE|UPDATE|INFO|DELETE.<stream>}, {@code NAMES} and {@code LIST}: each method returns
 * the reply model or throws {@link io.hermod.store.api.JsApiException}. Runs on the API thread only.
 */
final class StreamAdminApi {
    private final StreamRegistry registry;
    private final StreamInfos infos;
    private final JetStreamSettings settings;
    private final StreamConfigValidator validator = new StreamConfigValidator();

    StreamAdminApi(StreamRegistry registry, StreamInfos infos, JetStreamSettings settings) {
        this.registry = registry;
        this.infos = infos;
        this.settings = settings;
    }

    StreamCreateResponse create(String name, byte[] body) {
        StreamConfig requested = GoJson.readRequest(body, StreamConfig.class, null);
        if (requested == null) {
            throw JsApiError.INVALID_JSON.exception();
        }
        StreamConfig config = validator.validateCreate(name, requested, registry.configs());
        Stream existing = registry.find(name).orElse(null);
        if (existing != null) {
            return StreamCreateResponse.of(infos.plain(existing), true);
        }
        checkReservation(config, null);
        return StreamCreateResponse.of(infos.plain(registry.create(config)), true);
    }

    StreamUpdateResponse update(String name, byte[] body) {
        StreamConfig requested = GoJson.readRequest(body, StreamConfig.class, null);
        if (requested == null) {
            throw JsApiError.INVALID_JSON.exception();
        }
        Stream stream = registry.find(name).orElse(null);
        StreamConfig config = validator.validateUpdate(name, requested, stream == null ? null : stream.config(),
                registry.configs());
        checkReservation(config, name);
        registry.update(stream, config);
        return StreamUpdateResponse.of(infos.plain(stream));
    }

    StreamInfoResponse info(String name, byte[] body) {
        Stream stream = find(name);
        StreamInfoRequest request = GoJson.readRequest(body, StreamInfoRequest.class, StreamInfoRequest.PLAIN);
        if (request.subjectsFilter().isEmpty()) {
            return StreamInfoResponse.of(infos.detailed(stream, Map.of(), request.deletedDetails()), 0, 0, 0);
        }
        TreeMap<String, Long> all = StreamInfos.subjects(stream, request.subjectsFilter());
        int offset = Math.max(0, Math.min(request.offset(), all.size()));
        Map<String, Long> page = new TreeMap<>();
        all.entrySet().stream().skip(offset).limit(StreamInfoResponse.SUBJECTS_LIMIT)
                .forEach(e -> page.put(e.getKey(), e.getValue()));
        return StreamInfoResponse.of(infos.detailed(stream, page, request.deletedDetails()), all.size(), offset,
                StreamInfoResponse.SUBJECTS_LIMIT);
    }

    StreamDeleteResponse delete(String name, byte[] body) {
        if (!GoJson.isEmptyRequest(body)) {
            throw JsApiError.NOT_EMPTY_REQUEST.exception(); // checked before the stream, as nats-server does
        }
        registry.delete(find(name));
        return StreamDeleteResponse.ok();
    }

    StreamNamesResponse names(byte[] body) {
        StreamNamesRequest request = GoJson.readRequest(body, StreamNamesRequest.class, StreamNamesRequest.ALL);
        List<Stream> matching = matching(request.subject());
        int offset = Math.max(0, Math.min(request.offset(), matching.size()));
        List<String> page = matching.stream().skip(offset).limit(StreamNamesResponse.LIMIT).map(Stream::name).toList();
        return StreamNamesResponse.of(matching.size(), offset, page);
    }

    StreamListResponse list(byte[] body) {
        StreamListRequest request = GoJson.readRequest(body, StreamListRequest.class, StreamListRequest.ALL);
        List<Stream> matching = matching(request.subject());
        int offset = Math.max(0, Math.min(request.offset(), matching.size()));
        List<StreamInfo> page = matching.stream().skip(offset).limit(StreamListResponse.LIMIT).map(infos::plain)
                .toList();
        return StreamListResponse.of(matching.size(), offset, page);
    }

    private List<Stream> matching(String subject) {
        if (subject.isEmpty()) {
            return registry.all();
        }
        return registry.all().stream()
                .filter(s -> s.config().subjects().stream().anyMatch(own -> SubjectOverlap.collide(subject, own)))
                .toList();
    }

    private Stream find(String name) {
        return registry.find(name).orElseThrow(JsApiError.STREAM_NOT_FOUND::exception);
    }

    /**
     * nats-server's reservation check: the {@code max_bytes} of every stream of a storage type together must fit
     * in the server's {@code max_memory_store} or {@code max_file_store}.
     */
    private void checkReservation(StreamConfig config, String replacing) {
        long limit = config.storage() == StorageType.MEMORY ? settings.maxMemoryStore() : settings.maxFileStore();
        if (limit < 0 || config.maxBytes() <= 0) {
            return;
        }
        long reserved = registry.all().stream()
                .filter(s -> !s.name().equals(replacing) && s.config().storage() == config.storage())
                .mapToLong(s -> Math.max(0, s.config().maxBytes())).sum();
        if (reserved + config.maxBytes() > limit) {
            throw (config.storage() == StorageType.MEMORY ? JsApiError.MEMORY_RESOURCES_EXCEEDED
                    : JsApiError.STORAGE_RESOURCES_EXCEEDED).exception();
        }
    }
}
