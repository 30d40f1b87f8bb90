package io.hermod.core.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Paths to endpoints; counts the requests of each known path; unknown paths are 404 as in nats-server. */
final class MonitorRoutes {
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
                "/subscriptionsz", new SubszEndpoint(source),
                "/healthz", new HealthzEndpoint(),
                "/metrics", new MetricsEndpoint(source, process));
    }

    MonitorResponse answer(String path, Map<String, List<String>> parameters) {
        MonitorEndpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            return MonitorResponse.notFound();
        }
        counts.count(path);
        try {
            return endpoint.handle(new MonitorRequest(parameters, Instant.now()));
        } catch (BadRequestException e) {
            return MonitorResponse.badRequest(e.getMessage());
        }
    }
}
