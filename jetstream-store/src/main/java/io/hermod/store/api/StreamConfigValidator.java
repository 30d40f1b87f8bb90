package io.hermod.store.api;

import io.hermod.core.subject.SubjectValidator;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * nats-server 2.9.10's checks of a stream configuration for {@code $JS.API.STREAM.CREATE} and {@code UPDATE}, in
 * its order, with its errors ({@link JsApiError}) and its defaults, plus the refusals Hermod adds for what it does
 * not implement (replicas above 1, mirrors, sources, republish, subject transforms, a first sequence).
 *
 * <p>Every method either returns the configuration with defaults applied (what the reply echoes and what is
 * stored) or throws {@link JsApiException}. Stateless and thread-safe.
 */
public final class StreamConfigValidator {
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_DESCRIPTION_LENGTH = 4096;
    public static final int MAX_REPLICAS = 5;
    public static final long DEFAULT_DUPLICATE_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(2);
    private static final long MIN_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final String JS_API_SUBJECTS = "$JS.API.>";

    /**
     * Checks a create request for the stream named {@code subjectName} (the last token of the request subject),
     * given every stream that exists now. When a stream of that name exists with the same resulting
     * configuration, the configuration is returned and the caller answers as nats does ({@code did_create} true,
     * the existing stream's info); with a different one it is {@link JsApiError#STREAM_NAME_EXIST}.
     */
    public StreamConfig validateCreate(String subjectName, StreamConfig requested, Collection<StreamConfig> existing) {
        if (!requested.name().equals(subjectName)) {
            throw JsApiError.STREAM_MISMATCH.exception();
        }
        if (requested.name().indexOf('/') >= 0 || requested.name().indexOf('\\') >= 0) {
            throw JsApiError.STREAM_NAME_CONTAINS_PATH_SEPARATORS.exception();
        }
        if (requested.sealed()) {
            throw invalid("stream configuration for create can not be sealed");
        }
        if (requested.mirrorDirect() && requested.mirror() == null) {
            throw invalid("stream has no mirror but does have mirror direct");
        }
        StreamConfig config = applyDefaults(requested);
        if (config.numReplicas() > 1) {
            throw JsApiError.STREAM_REPLICAS_NOT_SUPPORTED.exception();
        }
        refuseUnsupported(config, JsApiError.STREAM_CREATE);
        StreamConfig same = find(existing, config.name());
        if (same != null) {
            if (!same.equals(config)) {
                throw JsApiError.STREAM_NAME_EXIST.exception();
            }
            return config;
        }
        if (!config.templateOwner().isEmpty()) {
            throw JsApiError.STREAM_CREATE.exception("stream not owned by template");
        }
        refuseOverlap(config, existing);
        return config;
    }

    /**
     * Checks an update of the stream named {@code subjectName}; {@code current} is its stored configuration or
     * {@code null} when there is no such stream, {@code existing} every stream (the one updated included or not).
     */
    public StreamConfig validateUpdate(String subjectName, StreamConfig requested, StreamConfig current,
                                       Collection<StreamConfig> existing) {
        StreamConfig config = applyDefaults(requested);
        if (!config.name().equals(subjectName)) {
            throw JsApiError.STREAM_MISMATCH.exception();
        }
        if (current == null) {
            throw JsApiError.STREAM_NOT_FOUND.exception();
        }
        config = applyUpdateRules(current, config);
        if (config.numReplicas() > 1) {
            throw JsApiError.STREAM_REPLICAS_NOT_SUPPORTED.exception();
        }
        refuseUnsupported(config, JsApiError.STREAM_UPDATE);
        refuseOverlap(config, existing);
        return config;
    }

    /**
     * nats-server's {@code checkStreamCfg}: validates one configuration on its own and fills in the defaults
     * (file storage, 1 replica, -1 for unset limits, a duplicate window of 2 minutes or {@code max_age} if shorter,
     * subjects {@code [name]} when none are given).
     */
    public StreamConfig applyDefaults(StreamConfig requested) {
        checkNameAndDescription(requested);
        StreamConfig.Builder config = requested.toBuilder();
        int replicas = requested.numReplicas() == 0 ? 1 : requested.numReplicas();
        if (replicas > MAX_REPLICAS) {
            throw invalid("maximum replicas is " + MAX_REPLICAS);
        }
        if (replicas < 0) {
            throw JsApiError.REPLICAS_COUNT_CANNOT_BE_NEGATIVE.exception();
        }
        config.numReplicas(replicas)
                .maxMsgs(orUnlimited(requested.maxMsgs()))
                .maxMsgsPerSubject(orUnlimited(requested.maxMsgsPerSubject()))
                .maxBytes(orUnlimited(requested.maxBytes()))
                .maxMsgSize(requested.maxMsgSize() == 0 ? -1 : requested.maxMsgSize())
                .maxConsumers(requested.maxConsumers() == 0 ? -1 : requested.maxConsumers());
        long maxAge = requested.maxAgeNanos();
        long window = requested.duplicateWindowNanos();
        if (window == 0 && requested.mirror() == null) {
            window = maxAge != 0 && maxAge < DEFAULT_DUPLICATE_WINDOW_NANOS ? maxAge : DEFAULT_DUPLICATE_WINDOW_NANOS;
            config.duplicateWindowNanos(window);
        }
        checkWindows(maxAge, window);
        if (requested.denyPurge() && requested.allowRollupHeaders()) {
            throw invalid("roll-ups require the purge permission");
        }
        checkDiscardNewPerSubject(requested.discardNewPerSubject(), requested.discard(),
                orUnlimited(requested.maxMsgsPerSubject()));
        if (requested.mirror() != null) {
            if (!requested.subjects().isEmpty()) {
                throw JsApiError.MIRROR_WITH_SUBJECTS.exception();
            }
            if (!requested.sources().isEmpty()) {
                throw JsApiError.MIRROR_WITH_SOURCES.exception();
            }
        }
        List<String> subjects = requested.subjects();
        if (subjects.isEmpty()) {
            if (requested.mirror() == null && requested.sources().isEmpty()) {
                subjects = List.of(requested.name());
                config.subjects(subjects);
            }
        } else {
            checkSubjects(subjects);
        }
        if (requested.republish() != null) {
            config.republish(checkRepublish(requested.republish(), subjects));
        }
        return config.build();
    }

    private static void checkNameAndDescription(StreamConfig requested) {
        if (!isValidName(requested.name())) {
            throw invalid("stream name is required and can not contain '.', '*', '>'");
        }
        if (requested.name().length() > MAX_NAME_LENGTH) {
            throw invalid("stream name is too long, maximum allowed is " + MAX_NAME_LENGTH);
        }
        if (requested.description().length() > MAX_DESCRIPTION_LENGTH) {
            throw invalid("stream description is too long, maximum allowed is " + MAX_DESCRIPTION_LENGTH);
        }
    }

    /** nats-server's stream and consumer name rule: non-empty, none of {@code . * >} and no whitespace. */
    public static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            switch (name.charAt(i)) {
                case '.', '*', '>', ' ', '\t', '\r', '\n', '\f' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    private static void checkWindows(long maxAge, long window) {
        if (maxAge > 0 && maxAge < MIN_WINDOW_NANOS) {
            throw invalid("max age needs to be >= 100ms");
        }
        if (window < 0) {
            throw invalid("duplicates window can not be negative");
        }
        if (maxAge != 0 && window > maxAge) {
            throw invalid("duplicates window can not be larger then max age");
        }
        if (window > 0 && window < MIN_WINDOW_NANOS) {
            throw invalid("duplicates window needs to be >= 100ms");
        }
    }

    private static void checkDiscardNewPerSubject(boolean discardNewPerSubject, DiscardPolicy discard,
                                                  long maxMsgsPerSubject) {
        if (!discardNewPerSubject) {
            return;
        }
        if (discard != DiscardPolicy.NEW) {
            throw invalid("discard new per subject requires discard new policy to be set");
        }
        if (maxMsgsPerSubject <= 0) {
            throw invalid("discard new per subject requires max msgs per subject > 0");
        }
    }

    private static void checkSubjects(List<String> subjects) {
        Set<String> seen = new HashSet<>();
        for (String subject : subjects) {
            if (seen.contains(subject)) {
                throw invalid("duplicate subjects detected");
            }
            if (SubjectOverlap.isSubsetMatch(subject, JS_API_SUBJECTS)) {
                throw invalid("subjects overlap with jetstream api");
            }
            if (!SubjectValidator.isValidFilter(subject)) {
                throw invalid("invalid subject");
            }
            seen.add(subject);
        }
        for (String subject : subjects) {
            for (String other : subjects) {
                if (!other.equals(subject) && SubjectOverlap.collide(other, subject)) {
                    throw invalid("subject \"" + subject + "\" overlaps with \"" + other + "\"");
                }
            }
        }
    }

    private static RePublish checkRepublish(RePublish republish, List<String> subjects) {
        String source = republish.source().isEmpty() ? ">" : republish.source();
        if (subjects.stream().noneMatch(subject -> SubjectOverlap.collide(source, subject))) {
            throw invalid("stream configuration for republish source is not valid subset of subjects");
        }
        if (subjects.stream().anyMatch(subject -> SubjectOverlap.collide(republish.destination(), subject))) {
            throw invalid("stream configuration for republish destination forms a cycle");
        }
        if (!SubjectValidator.isValidFilter(source) || !SubjectValidator.isValidFilter(republish.destination())
                || republish.destination().endsWith(">") && !source.endsWith(">")) {
            throw invalid("stream configuration for republish not valid");
        }
        return new RePublish(source, republish.destination(), republish.headersOnly());
    }

    /** nats-server's {@code configUpdateCheck}: what an update may not change, and sealing's side effects. */
    private static StreamConfig applyUpdateRules(StreamConfig old, StreamConfig config) {
        if (config.maxConsumers() != old.maxConsumers()) {
            throw invalid("stream configuration update can not change MaxConsumers");
        }
        if (config.storage() != old.storage()) {
            throw invalid("stream configuration update can not change storage type");
        }
        if (config.retention() != old.retention()) {
            throw invalid("stream configuration update can not change retention policy");
        }
        if (!old.templateOwner().isEmpty()) {
            throw invalid("stream configuration update not allowed on template owned stream");
        }
        if (!config.templateOwner().isEmpty()) {
            throw invalid("stream configuration update can not be owned by a template");
        }
        if (!config.sealed() && old.sealed()) {
            throw invalid("stream configuration update can not unseal a sealed stream");
        }
        if (!config.denyDelete() && old.denyDelete()) {
            throw invalid("stream configuration update can not cancel deny message deletes");
        }
        if (!config.denyPurge() && old.denyPurge()) {
            throw invalid("stream configuration update can not cancel deny purge");
        }
        if (!Objects.equals(config.mirror(), old.mirror())) {
            throw JsApiError.STREAM_MIRROR_NOT_UPDATABLE.exception();
        }
        if (!Objects.equals(config.republish(), old.republish())) {
            throw invalid("stream configuration update can not change RePublish");
        }
        if (!config.sealed()) {
            return config;
        }
        return config.toBuilder().maxAgeNanos(0).discard(DiscardPolicy.NEW).denyDelete(true).denyPurge(true)
                .allowRollupHeaders(false).build();
    }

    /** Features nats has and Hermod does not: refused with the create or update error naming the feature. */
    private static void refuseUnsupported(StreamConfig config, JsApiError error) {
        String feature = null;
        if (config.mirror() != null) {
            feature = "stream mirrors are";
        } else if (!config.sources().isEmpty()) {
            feature = "stream sources are";
        } else if (config.republish() != null) {
            feature = "republish is";
        } else if (config.subjectTransform() != null
                && !(config.subjectTransform().source().isEmpty() && config.subjectTransform().destination().isEmpty())) {
            feature = "subject transforms are";
        } else if (config.firstSeq() > 1) {
            feature = "a first sequence other than 1 is";
        }
        if (feature != null) {
            throw error.exception(feature + " not supported by Hermod");
        }
    }

    private static void refuseOverlap(StreamConfig config, Collection<StreamConfig> existing) {
        for (StreamConfig other : existing) {
            if (other.name().equals(config.name())) {
                continue;
            }
            for (String theirs : other.subjects()) {
                for (String ours : config.subjects()) {
                    if (SubjectOverlap.collide(ours, theirs)) {
                        throw JsApiError.STREAM_SUBJECT_OVERLAP.exception();
                    }
                }
            }
        }
    }

    private static StreamConfig find(Collection<StreamConfig> existing, String name) {
        for (StreamConfig config : existing) {
            if (config.name().equals(name)) {
                return config;
            }
        }
        return null;
    }

    private static long orUnlimited(long value) {
        return value == 0 ? -1 : value;
    }

    private static JsApiException invalid(String text) {
        return JsApiError.STREAM_INVALID_CONFIG.exception(text);
    }
}
