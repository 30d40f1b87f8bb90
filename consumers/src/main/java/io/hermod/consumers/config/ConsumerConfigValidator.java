package io.hermod.consumers.config;

import io.hermod.core.subject.SubjectValidator;
import io.hermod.store.api.JsApiError;
import io.hermod.store.api.JsApiException;
import io.hermod.store.api.RetentionPolicy;
import io.hermod.store.api.StreamConfig;
import io.hermod.store.api.SubjectOverlap;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * nats-server 2.9.10's checks of a new consumer's configuration ({@code setConsumerConfigDefaults},
 * {@code checkConsumerCfg} and the checks of {@code addConsumer} that follow them), in its order, with its errors
 * ({@link JsApiError}) and defaults, plus Hermod's refusal of what it does not implement ({@code filter_subjects}).
 * Checks of the request subject (durable name in the subject and the like) belong to the API handler.
 *
 * <p>Server and account limits are those of a default nats-server: none configured. Stateless and thread-safe.
 */
public final class ConsumerConfigValidator {
    public static final long DEFAULT_ACK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    public static final int DEFAULT_MAX_ACK_PENDING = 1000;
    public static final int DEFAULT_MAX_WAITING = 512;
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_DESCRIPTION_LENGTH = 4096;
    private static final long MIN_HEARTBEAT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MIN_EXPIRES_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * Checks a consumer to be created on {@code stream}, given the stream's other consumers, and returns it with
     * defaults applied (what is stored and echoed), or throws {@link JsApiException}.
     */
    public ConsumerConfig validateNew(ConsumerConfig requested, StreamConfig stream,
                                      Collection<ConsumerConfig> otherConsumers) {
        if (requested.numReplicas() > 1) {
            // nats's API handler refuses this before the checks below when it is not clustered, as Hermod never is.
            throw JsApiError.STREAM_REPLICAS_NOT_SUPPORTED.exception();
        }
        if (!requested.filterSubjects().isEmpty()) {
            throw JsApiError.CONSUMER_CREATE.exception("consumer filter_subjects is not supported, use filter_subject");
        }
        ConsumerConfig config = applyDefaults(requested);
        checkConfig(config, stream);
        checkStreamLimits(config, stream, otherConsumers);
        String name = config.isDurable() ? config.durableName() : config.name();
        if (config.isDurable() && name.length() > MAX_NAME_LENGTH) {
            throw JsApiError.CONSUMER_NAME_TOO_LONG.exception(MAX_NAME_LENGTH);
        }
        if (!name.isEmpty() && !isValidName(name)) {
            throw JsApiError.CONSUMER_BAD_DURABLE_NAME.exception();
        }
        return config;
    }

    /** nats's {@code setConsumerConfigDefaults} with no server or account limits configured. */
    public ConsumerConfig applyDefaults(ConsumerConfig c) {
        ConsumerConfig.Builder b = c.toBuilder();
        if (c.isPull() && c.maxWaiting() == 0) {
            b.maxWaiting(DEFAULT_MAX_WAITING);
        }
        if (c.ackWaitNanos() == 0 && c.ackPolicy().tracksPending()) {
            b.ackWaitNanos(DEFAULT_ACK_WAIT_NANOS);
        }
        if (c.maxDeliver() == 0) {
            b.maxDeliver(-1);
        }
        if (!c.backoffNanos().isEmpty()) {
            b.ackWaitNanos(c.backoffNanos().get(0));
        }
        if (c.ackPolicy().tracksPending() && c.maxAckPending() == 0) {
            b.maxAckPending(DEFAULT_MAX_ACK_PENDING);
        }
        return b.build();
    }

    private static void checkConfig(ConsumerConfig c, StreamConfig stream) {
        int streamReplicas = Math.max(stream.numReplicas(), 1);
        if (c.numReplicas() > 0 && c.numReplicas() > streamReplicas) {
            throw JsApiError.CONSUMER_REPLICAS_EXCEEDS_STREAM.exception();
        }
        if (c.numReplicas() < 0) {
            throw JsApiError.REPLICAS_COUNT_CANNOT_BE_NEGATIVE.exception();
        }
        if (!c.backoffNanos().isEmpty() && c.maxDeliver() <= c.backoffNanos().size()) {
            throw JsApiError.CONSUMER_MAX_DELIVER_BACKOFF.exception();
        }
        if (c.description().length() > MAX_DESCRIPTION_LENGTH) {
            throw JsApiError.CONSUMER_DESCRIPTION_TOO_LONG.exception(MAX_DESCRIPTION_LENGTH);
        }
        if (c.isPull()) {
            checkPull(c, stream);
        } else {
            checkPush(c, stream);
        }
        if (!c.filterSubject().isEmpty() && !validFilteredSubject(c.filterSubject(), stream)) {
            throw JsApiError.CONSUMER_FILTER_NOT_SUBSET.exception();
        }
        checkStart(c);
        if (!c.sampleFrequency().isEmpty() && !validSampling(c.sampleFrequency())) {
            throw JsApiError.CONSUMER_INVALID_SAMPLING.exception(samplingError(c.sampleFrequency()));
        }
        if (c.flowControl() && c.idleHeartbeatNanos() == 0) {
            throw JsApiError.CONSUMER_WITH_FLOW_CONTROL_NEEDS_HEARTBEATS.exception();
        }
        if (c.isDurable() && !c.name().isEmpty() && !c.name().equals(c.durableName())) {
            throw JsApiError.CONSUMER_CREATE_DURABLE_AND_NAME_MISMATCH.exception();
        }
    }

    private static void checkPush(ConsumerConfig c, StreamConfig stream) {
        String subject = c.deliverSubject();
        if (!SubjectValidator.isLiteral(subject)) {
            throw JsApiError.CONSUMER_DELIVER_TO_WILDCARDS.exception();
        }
        if (!SubjectValidator.isValidFilter(subject)) {
            throw JsApiError.CONSUMER_INVALID_DELIVER_SUBJECT.exception();
        }
        for (String streamSubject : stream.subjects()) {
            if (SubjectOverlap.isSubsetMatch(subject, streamSubject)) {
                throw JsApiError.CONSUMER_DELIVER_CYCLE.exception();
            }
        }
        if (c.maxWaiting() != 0) {
            throw JsApiError.CONSUMER_PUSH_MAX_WAITING.exception();
        }
        if (c.maxAckPending() > 0 && c.ackPolicy() == AckPolicy.NONE) {
            throw JsApiError.CONSUMER_MAX_PENDING_ACK_POLICY_REQUIRED.exception();
        }
        if (c.idleHeartbeatNanos() > 0 && c.idleHeartbeatNanos() < MIN_HEARTBEAT_NANOS) {
            throw JsApiError.CONSUMER_SMALL_HEARTBEAT.exception();
        }
    }

    private static void checkPull(ConsumerConfig c, StreamConfig stream) {
        if (c.ackPolicy() == AckPolicy.NONE && stream.retention() == RetentionPolicy.WORKQUEUE) {
            throw JsApiError.CONSUMER_PULL_REQUIRES_ACK.exception();
        }
        if (c.rateLimitBps() > 0) {
            throw JsApiError.CONSUMER_PULL_WITH_RATE_LIMIT.exception();
        }
        if (c.maxWaiting() < 0) {
            throw JsApiError.CONSUMER_MAX_WAITING_NEGATIVE.exception();
        }
        if (c.idleHeartbeatNanos() > 0) {
            throw JsApiError.CONSUMER_HB_REQUIRES_PUSH.exception();
        }
        if (c.flowControl()) {
            throw JsApiError.CONSUMER_FC_REQUIRES_PUSH.exception();
        }
        if (c.maxBatch() < 0) {
            throw JsApiError.CONSUMER_MAX_REQUEST_BATCH_NEGATIVE.exception();
        }
        if (c.maxExpiresNanos() != 0 && c.maxExpiresNanos() < MIN_EXPIRES_NANOS) {
            throw JsApiError.CONSUMER_MAX_REQUEST_EXPIRES_TOO_SMALL.exception();
        }
    }

    private static void checkStart(ConsumerConfig c) {
        boolean hasSeq = c.optStartSeq() > 0;
        boolean hasTime = c.optStartTime() != null;
        String policy = c.deliverPolicy().words();
        switch (c.deliverPolicy()) {
            case ALL, LAST, NEW, LAST_PER_SUBJECT -> {
                if (hasSeq) {
                    throw badStart(policy, "sequence");
                }
                if (hasTime) {
                    throw badStart(policy, "time");
                }
                if (c.deliverPolicy() == DeliverPolicy.LAST_PER_SUBJECT && c.filterSubject().isEmpty()) {
                    throw notSet(policy, "filter subject");
                }
            }
            case BY_START_SEQUENCE -> {
                if (!hasSeq) {
                    throw notSet(policy, "start sequence");
                }
                if (hasTime) {
                    throw badStart(policy, "time");
                }
            }
            case BY_START_TIME -> {
                if (!hasTime) {
                    throw notSet(policy, "start time");
                }
                if (c.optStartSeq() != 0) {
                    throw badStart(policy, "start sequence");
                }
            }
        }
    }

    private static void checkStreamLimits(ConsumerConfig c, StreamConfig stream, Collection<ConsumerConfig> others) {
        if (stream.maxConsumers() > 0 && others.size() >= stream.maxConsumers()) {
            throw JsApiError.MAXIMUM_CONSUMERS_LIMIT.exception();
        }
        if (stream.retention() != RetentionPolicy.WORKQUEUE) {
            return;
        }
        if (c.ackPolicy() != AckPolicy.EXPLICIT) {
            throw JsApiError.CONSUMER_WQ_REQUIRES_EXPLICIT_ACK.exception();
        }
        if (!others.isEmpty()) {
            if (c.filterSubject().isEmpty()) {
                throw JsApiError.CONSUMER_WQ_MULTIPLE_UNFILTERED.exception();
            }
            for (ConsumerConfig other : others) {
                if (other.filterSubject().isEmpty() || SubjectOverlap.collide(c.filterSubject(), other.filterSubject())) {
                    throw JsApiError.CONSUMER_WQ_CONSUMER_NOT_UNIQUE.exception();
                }
            }
        }
        if (c.deliverPolicy() != DeliverPolicy.ALL) {
            throw JsApiError.CONSUMER_WQ_CONSUMER_NOT_DELIVER_ALL.exception();
        }
    }

    /** nats's {@code validFilteredSubject}: within a stream subject, or a wildcard filter wider than one. */
    static boolean validFilteredSubject(String filter, StreamConfig stream) {
        if (!SubjectValidator.isValidFilter(filter)) {
            return false;
        }
        boolean wildcard = !SubjectValidator.isLiteral(filter);
        for (String subject : stream.subjects()) {
            if (SubjectOverlap.isSubsetMatch(filter, subject) || wildcard && SubjectOverlap.isSubsetMatch(subject, filter)) {
                return true;
            }
        }
        return false;
    }

    /** nats's {@code isValidName}: non-empty, without whitespace, {@code .}, {@code *} or {@code >}. */
    static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '.' || ch == '*' || ch == '>') {
                return false;
            }
        }
        return true;
    }

    private static boolean validSampling(String frequency) {
        String digits = frequency.endsWith("%") ? frequency.substring(0, frequency.length() - 1) : frequency;
        try {
            return Integer.parseInt(digits) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The text Go's {@code strconv.Atoi} error gives ({@code <nil>} when the number parsed but was negative). */
    private static String samplingError(String frequency) {
        String digits = frequency.endsWith("%") ? frequency.substring(0, frequency.length() - 1) : frequency;
        try {
            Integer.parseInt(digits);
            return "<nil>";
        } catch (NumberFormatException e) {
            return "strconv.Atoi: parsing \"" + digits + "\": invalid syntax";
        }
    }

    private static JsApiException badStart(String policy, String start) {
        return JsApiError.CONSUMER_INVALID_POLICY.exception(
                "consumer delivery policy is deliver " + policy + ", but optional start " + start + " is also set");
    }

    private static JsApiException notSet(String policy, String what) {
        return JsApiError.CONSUMER_INVALID_POLICY.exception(
                "consumer delivery policy is deliver " + policy + ", but optional " + what + " is not set");
    }
}
