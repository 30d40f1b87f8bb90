package io.hermod.core.config;

import java.util.Locale;
import java.util.Set;

/**
 * Top-level keys nats-server 2.9 understands ({@code server/opts.go}) that Hermod does not implement yet. A config
 * using one must fail: silently ignoring, say, {@code accounts} would run a server other than the one configured.
 */
final class UnsupportedNatsKeys {
    private static final Set<String> KEYS = Set.of(
            "client_advertise", "trace_verbose", "mappings", "maps", "disable_sublist_cache", "no_sublist_cache",
            "accounts", "https", "https_port",
            "http_base_path", "cluster", "gateway", "leaf", "leafnodes",
            "logfile_size_limit", "log_size_limit", "syslog", "remote_syslog", "pidfile", "pid_file",
            "ports_file_dir", "prof_port", "max_traced_msg_len", "max_sub_tokens", "max_subscription_tokens",
            "ocsp", "allow_non_tls", "lame_duck_duration", "lame_duck_grace_period",
            "operator", "operators", "roots", "root", "root_operators", "root_operator",
            "resolver", "account_resolver", "accounts_resolver", "resolver_tls", "resolver_preload",
            "resolver_pinned_accounts", "system_account", "system", "no_system_account",
            "no_system", "no_sys_acc", "no_header_support", "trusted", "trusted_keys", "connect_error_reports",
            "reconnect_error_reports", "mqtt", "server_tags", "default_js_domain");

    private UnsupportedNatsKeys() {
    }

    static boolean contains(String key) {
        return KEYS.contains(key.toLowerCase(Locale.ROOT));
    }
}
