package io.hermod.core.monitor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Paths to endpoints; counts the requests of each known path; unknown paths are 404 as in nats-server. A JSON
 * answer is wrapped as JSONP when the request has a {@code callback} parameter, as nats-server does.
 */
final class MonitorRoutes {
    /** nats-server's older name of {@code /subsz}, counted under the new one. */
    private static final Map<String, String> ALIASES = Map.of("/subscriptionsz", "/subsz");
    private static final String JAVASCRIPT = "application/javascript";

    private final Map<String, MonitorEndpoint> endpoints;
    private final RequestCounts counts;

    MonitorRoutes(MonitorSource source) {
        this.counts = new RequestCounts();
        ProcessUsage process = new ProcessUsage();
        this.endpoints = Map.of(
                "/", new RootPage(),
                "/varz", new VarzEndpoint(source, counts, process),
                "/connz", new ConnzEndpoint(source),
                "/subsz", new SubszEndpoint(source),
                "/healthz", new HealthzEndpoint(),
                "/jsz", new JszEndpoint(source),
                "/metrics", new MetricsEndpoint(source, process));
    }

    MonitorResponse answer(String requestPath, Map<String, List<String>> parameters) {
        String path = ALIASES.getOrDefault(requestPath, requestPath);
        MonitorEndpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            return MonitorResponse.notFound();
        }
        counts.count(path);
        MonitorRequest request = new MonitorRequest(parameters, Instant.now());
        MonitorResponse response;
        try {
            response = endpoint.handle(request);
        } catch (BadRequestException e) {
            return MonitorResponse.badRequest(e.getMessage());
        }
        String callback = request.get("callback");
        if (!callback.isEmpty() && MonitorResponse.JSON.equals(response.contentType())) {
            byte[] wrapped = (callback + "(" + new String(response.body(), StandardCharsets.UTF_8) + ")")
                    .getBytes(StandardCharsets.UTF_8);
            return new MonitorResponse(response.status(), JAVASCRIPT, wrapped);
        }
        return response;
    }
}
