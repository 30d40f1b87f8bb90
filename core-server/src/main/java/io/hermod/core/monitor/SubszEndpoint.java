package io.hermod.core.monitor;

import io.hermod.core.subject.SubjectFilter;
import io.hermod.core.subject.SubjectValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /subsz}: the subject index counters; with {@code subs=1} also a page of the subscriptions
 * ({@code offset}, {@code limit}, and {@code test} to keep those a literal subject would reach). As in
 * nats-server, a page that comes out empty is answered with the counters alone.
 */
final class SubszEndpoint implements MonitorEndpoint {
    static final int DEFAULT_LIMIT = 1024;

    private final MonitorSource source;

    SubszEndpoint(MonitorSource source) {
        this.source = source;
    }

    @Override
    public MonitorResponse handle(MonitorRequest request) {
        boolean subs = request.bool("subs");
        int offset = Math.max(0, request.integer("offset"));
        int limit = request.integer("limit");
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        String test = request.get("test");
        if (!test.isEmpty() && !SubjectValidator.isValidPublishSubject(test)) {
            throw new BadRequestException("invalid test subject, must be valid publish subject: " + test);
        }
        SublistStats stats = SublistStats.of(source.subjectIndexStats());
        if (!subs) {
            return MonitorResponse.json(MonitorJson.indented(stats));
        }
        List<SubDetail> details = new ArrayList<>();
        for (ConnectionSnapshot c : source.openConnections(true)) {
            for (SubscriptionSnapshot s : c.subscriptions()) {
                if (test.isEmpty() || SubjectFilter.matches(s.subject(), test)) {
                    details.add(SubDetail.of(s, SubDetail.GLOBAL_ACCOUNT));
                }
            }
        }
        int from = Math.min(offset, details.size());
        int to = (int) Math.min((long) offset + limit, details.size());
        List<SubDetail> page = details.subList(from, to);
        if (page.isEmpty()) {
            return MonitorResponse.json(MonitorJson.indented(stats));
        }
        Subsz subsz = new Subsz(source.serverId(), GoFormats.time(request.now()), stats, page.size(), offset, limit,
                page);
        return MonitorResponse.json(MonitorJson.indented(subsz));
    }
}
