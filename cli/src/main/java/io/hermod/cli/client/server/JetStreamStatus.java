package io.hermod.cli.client.server;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.AccountStatistics;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code $JS.API.INFO} says about the account: its statistics when JetStream answers, else why not (not enabled,
 * an API error, no reply).
 */
record JetStreamStatus(AccountStatistics statistics, String unavailableReason) {

    /** Asks {@code $JS.API.INFO}, unless the server's INFO already says it has no JetStream. */
    static JetStreamStatus of(Connection nc, Duration timeout) {
        if (!nc.getServerInfo().isJetStreamAvailable()) {
            return new JetStreamStatus(null, "not enabled on the server");
        }
        try {
            AccountStatistics stats = nc.jetStreamManagement(JetStreamOptions.builder().requestTimeout(timeout)
                    .build()).getAccountStatistics();
            return new JetStreamStatus(stats, null);
        } catch (JetStreamApiException e) {
            return new JetStreamStatus(null, e.getErrorDescription() + " (err_code " + e.getApiErrorCode() + ")");
        } catch (IOException | RuntimeException e) {
            String text = String.valueOf(e.getMessage());
            return new JetStreamStatus(null, text.toLowerCase(Locale.ROOT).contains("no responders")
                    || text.contains("503") ? "JetStream not enabled (no responders on $JS.API.INFO)" : text);
        }
    }

    boolean available() {
        return statistics != null;
    }
}
