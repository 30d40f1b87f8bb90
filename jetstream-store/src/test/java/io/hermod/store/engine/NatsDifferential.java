package io.hermod.store.engine;

import io.hermod.store.api.NatsJetStreamServer;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The differential tests' one procedure: the same requests and publishes go to {@code nats-server -js} (2.9.10)
 * and to Hermod, each step's reply is described as text by the test, and the steps whose texts differ are listed.
 * Skipped without the nats-server binary, failing under CI (env {@code CI}) when it is missing.
 */
final class NatsDifferential {
    /** A request or a publish; headers are sent in the order given. */
    record Step(String subject, Map<String, String> headers, String body) {
        static Step api(String subject, String body) {
            return new Step(subject, Map.of(), body);
        }

        /** A publish with headers given as name, value, name, value, ... (kept in that order). */
        static Step publish(String subject, String body, String... headers) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < headers.length; i += 2) {
                map.put(headers[i], headers[i + 1]);
            }
            return new Step(subject, map, body);
        }
    }

    private NatsDifferential() {
    }

    /**
     * Runs {@code steps} on both servers (Hermod storing in {@code storeDir}); waits {@code wait} for each reply, and
     * describes each ({@code null} when none came in time: nats-server leaves some publishes unanswered).
     */
    static List<String> differences(Path storeDir, List<Step> steps, Function<Step, Duration> wait,
                                    Function<Message, String> describe) throws Exception {
        NatsJetStreamServer.assumeInstalled();
        List<String> expected;
        try (NatsJetStreamServer nats = NatsJetStreamServer.start(); Connection nc = connect(nats.url())) {
            expected = run(nc, steps, wait, describe);
        }
        List<String> actual;
        try (JetStreamTestServer hermod = JetStreamTestServer.start(storeDir); Connection nc = hermod.connect()) {
            actual = run(nc, steps, wait, describe);
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                differences.add("step " + i + " " + steps.get(i) + "\n  nats:   " + expected.get(i)
                        + "\n  hermod: " + actual.get(i));
            }
        }
        return differences;
    }

    private static List<String> run(Connection nc, List<Step> steps, Function<Step, Duration> wait,
                                    Function<Message, String> describe) throws Exception {
        List<String> replies = new ArrayList<>();
        for (Step step : steps) {
            Headers headers = new Headers();
            step.headers().forEach(headers::put);
            NatsMessage message = NatsMessage.builder().subject(step.subject()).headers(headers)
                    .data(step.body().getBytes(StandardCharsets.UTF_8)).build();
            replies.add(describe.apply(nc.request(message, wait.apply(step))));
        }
        return replies;
    }

    private static Connection connect(String url) throws Exception {
        return Nats.connect(new Options.Builder().server(url).maxReconnects(0)
                .connectionTimeout(Duration.ofSeconds(10)).errorListener(new ErrorListener() {
                }).build());
    }
}
