package io.hermod.cli.jetstream;

import java.util.Set;

/**
 * The top-level field names of NATS's stream and consumer configurations (nats-server's JSON tags, up to the
 * fields jnats 2.26 knows), so that a misspelt field in a {@code --config} file is reported instead of silently
 * left at its default.
 */
final class ConfigFields {
    static final Set<String> STREAM = Set.of("name", "description", "subjects", "retention", "max_consumers",
            "max_msgs", "max_bytes", "max_age", "max_msgs_per_subject", "max_msg_size", "discard", "storage",
            "num_replicas", "no_ack", "template_owner", "duplicate_window", "placement", "mirror", "sources",
            "sealed", "deny_delete", "deny_purge", "allow_rollup_hdrs", "republish", "allow_direct", "mirror_direct",
            "discard_new_per_subject", "metadata", "compression", "first_seq", "subject_transform", "consumer_limits",
            "allow_msg_ttl", "subject_delete_marker_ttl", "allow_msg_schedules", "allow_msg_counter",
            "allow_atomic", "allow_batched", "persist_mode");

    static final Set<String> CONSUMER = Set.of("durable_name", "name", "description", "deliver_policy",
            "opt_start_seq", "opt_start_time", "ack_policy", "ack_wait", "max_deliver", "backoff", "filter_subject",
            "filter_subjects", "replay_policy", "rate_limit_bps", "sample_freq", "max_waiting", "max_ack_pending",
            "flow_control", "idle_heartbeat", "headers_only", "max_batch", "max_expires", "max_bytes",
            "inactive_threshold", "num_replicas", "mem_storage", "deliver_subject", "deliver_group", "metadata",
            "pause_until", "priority_groups", "priority_policy", "priority_timeout");

    private ConfigFields() {
    }
}
