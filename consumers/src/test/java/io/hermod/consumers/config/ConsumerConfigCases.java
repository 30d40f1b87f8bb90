package io.hermod.consumers.config;

import java.util.List;

/**
 * Consumer create requests with what nats-server 2.9.10 answers (checked live by
 * {@link ConsumerConfigDifferentialTest}): {@code errCode} 0 for success. Stream {@code S} has subjects
 * {@code s.>}, stream {@code W} is a work queue on {@code w.>}; both have one replica and no consumers.
 */
final class ConsumerConfigCases {
    record Case(String stream, String durable, String configJson, int errCode, String description) {
        static Case ok(String durable, String configJson) {
            return new Case("S", durable, configJson, 0, "");
        }

        static Case error(String stream, String configJson, int errCode, String description) {
            return new Case(stream, "", configJson, errCode, description);
        }
    }

    static final List<Case> CASES = List.of(
            Case.ok("d1", "{\"durable_name\":\"d1\",\"ack_policy\":\"explicit\"}"),
            Case.ok("d2", "{\"durable_name\":\"d2\",\"deliver_subject\":\"out.d2\"}"),
            Case.ok("d3", "{\"durable_name\":\"d3\",\"ack_policy\":\"explicit\",\"backoff\":[1000000000,2000000000],"
                    + "\"max_deliver\":5}"),
            Case.ok("d4", "{\"durable_name\":\"d4\",\"ack_policy\":\"all\",\"deliver_subject\":\"out.d4\","
                    + "\"filter_subject\":\"s.a.*\",\"deliver_policy\":\"by_start_sequence\",\"opt_start_seq\":7}"),
            Case.ok("d5", "{\"durable_name\":\"d5\",\"ack_policy\":\"explicit\",\"max_ack_pending\":-1,"
                    + "\"ack_wait\":5000000000,\"filter_subject\":\">\",\"deliver_policy\":\"new\"}"),
            Case.ok("d6", "{\"durable_name\":\"d6\",\"deliver_subject\":\"out.d6\",\"max_batch\":5,"
                    + "\"max_expires\":1000000000,\"max_bytes\":1000}"),
            Case.ok("d7", "{\"durable_name\":\"d7\",\"deliver_subject\":\"out.d7\",\"deliver_group\":\"g\","
                    + "\"rate_limit_bps\":8000,\"idle_heartbeat\":1000000000,\"flow_control\":true,"
                    + "\"replay_policy\":\"original\",\"headers_only\":true}"),
            Case.ok("d8", "{\"durable_name\":\"d8\",\"deliver_group\":\"g\"}"),
            Case.ok("d9", "{\"durable_name\":\"d9\",\"deliver_subject\":\"s\",\"ack_policy\":\"all\","
                    + "\"max_ack_pending\":10,\"inactive_threshold\":2000000000}"),
            Case.error("S", "{\"deliver_subject\":\"out..x\"}", 10112, "invalid push consumer deliver subject"),
            Case.error("S", "{\"deliver_subject\":\">\"}", 10079, "consumer deliver subject has wildcards"),
            Case.error("S", "{\"deliver_subject\":\"s.a.b\",\"filter_subject\":\"s.a.c\"}", 10081,
                    "consumer deliver subject forms a cycle"),
            Case.error("S", "{\"ack_policy\":\"explicit\",\"backoff\":[1000000000]}", 10116,
                    "max deliver is required to be > length of backoff values"),
            Case.error("S", "{\"deliver_subject\":\"out.*\"}", 10079, "consumer deliver subject has wildcards"),
            Case.error("S", "{\"deliver_subject\":\"s.x\"}", 10081, "consumer deliver subject forms a cycle"),
            Case.error("S", "{\"deliver_subject\":\"out.x\",\"max_waiting\":5}", 10080,
                    "consumer in push mode can not set max waiting"),
            Case.error("S", "{\"deliver_subject\":\"out.x\",\"max_ack_pending\":10}", 10082,
                    "consumer requires ack policy for max ack pending"),
            Case.error("S", "{\"deliver_subject\":\"out.x\",\"idle_heartbeat\":50000000}", 10083,
                    "consumer idle heartbeat needs to be >= 100ms"),
            Case.error("S", "{\"deliver_subject\":\"out.x\",\"flow_control\":true}", 10108,
                    "consumer with flow control also needs heartbeats"),
            Case.error("S", "{\"rate_limit_bps\":1000}", 10086, "consumer in pull mode can not have rate limit set"),
            Case.error("S", "{\"max_waiting\":-1}", 10087, "consumer max waiting needs to be positive"),
            Case.error("S", "{\"idle_heartbeat\":1000000000}", 10088,
                    "consumer idle heartbeat requires a push based consumer"),
            Case.error("S", "{\"flow_control\":true}", 10089, "consumer flow control requires a push based consumer"),
            Case.error("S", "{\"max_batch\":-1}", 10114, "consumer max request batch needs to be > 0"),
            Case.error("S", "{\"max_expires\":10000}", 10115, "consumer max request expires needs to be >= 1ms"),
            Case.error("S", "{\"filter_subject\":\"t.x\"}", 10093,
                    "consumer filter subject is not a valid subset of the interest subjects"),
            Case.error("S", "{\"deliver_policy\":\"by_start_sequence\"}", 10094,
                    "consumer delivery policy is deliver by start sequence, but optional start sequence is not set"),
            Case.error("S", "{\"opt_start_seq\":5}", 10094,
                    "consumer delivery policy is deliver all, but optional start sequence is also set"),
            Case.error("S", "{\"deliver_policy\":\"last_per_subject\"}", 10094,
                    "consumer delivery policy is deliver last per subject, but optional filter subject is not set"),
            Case.error("S", "{\"deliver_policy\":\"by_start_time\"}", 10094,
                    "consumer delivery policy is deliver by start time, but optional start time is not set"),
            Case.error("S", "{\"deliver_policy\":\"new\",\"opt_start_time\":\"2026-01-01T00:00:00Z\"}", 10094,
                    "consumer delivery policy is deliver new, but optional start time is also set"),
            Case.error("S", "{\"description\":\"" + "x".repeat(4097) + "\"}", 10107,
                    "consumer description is too long, maximum allowed is 4096"),
            Case.error("S", "{\"num_replicas\":3}", 10074, "replicas > 1 not supported in non-clustered mode"),
            Case.error("S", "{\"num_replicas\":-1}", 10133, "replicas count cannot be negative"),
            Case.error("S", "{\"sample_freq\":\"abc\"}", 10095,
                    "failed to parse consumer sampling configuration: strconv.Atoi: parsing \"abc\": invalid syntax"),
            Case.error("W", "{}", 10084, "consumer in pull mode requires ack policy"),
            Case.error("W", "{\"ack_policy\":\"all\",\"deliver_subject\":\"out.w\"}", 10098,
                    "workqueue stream requires explicit ack"),
            Case.error("W", "{\"ack_policy\":\"explicit\",\"deliver_policy\":\"new\"}", 10101,
                    "consumer must be deliver all on workqueue stream"));

    private ConsumerConfigCases() {
    }
}
