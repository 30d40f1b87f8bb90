package io.hermod.core.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /connz}: the client connections, open, recently closed or both, sorted and paged. Query options as in
 * nats-server 2.9: {@code sort}, {@code subs} (1 or {@code detail}), {@code offset}, {@code limit} (default 1024),
 * {@code cid}, {@code state} ({@code open}, {@code closed}, {@code any}/{@code all}) and {@code auth} (accepted;
 * Hermod has no users to show yet).
 */
final class ConnzEndpoint implements MonitorEndpoint {
    static final int DEFAULT_LIMIT = 1024;

    private final MonitorSource source;

    ConnzEndpoint(MonitorSource source) {
        this.source = source;
    }

    private enum State { OPEN, CLOSED, ALL }

    @Override
    public MonitorResponse handle(MonitorRequest request) {
        return MonitorResponse.json(MonitorJson.indented(connz(request)));
    }

    Connz connz(MonitorRequest request) {
        // Decoded in nats-server's order, so that the first bad parameter is the one reported.
        String sortText = request.get("sort");
        request.bool("auth");
        ConnInfo.SubsOption subs = request.lowerCase("subs").equals("detail") ? ConnInfo.SubsOption.DETAIL
                : request.bool("subs") ? ConnInfo.SubsOption.SUBJECTS : ConnInfo.SubsOption.NONE;
        int offset = Math.max(0, request.integer("offset"));
        int limit = request.integer("limit");
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        long cid = request.unsigned("cid");
        State state = state(request.get("state"));
        ConnzSort sort = ConnzSort.parse(sortText);
        if (sort.needsClosed() && state != State.CLOSED) {
            throw new BadRequestException("sort by " + sortText.toLowerCase(java.util.Locale.ROOT)
                    + " only valid on closed connections");
        }
        if (cid > 0) {
            limit = 1;
        }

        List<ConnectionSnapshot> open = state == State.CLOSED ? List.of()
                : source.openConnections(subs != ConnInfo.SubsOption.NONE);
        List<ConnectionSnapshot> closed = state == State.OPEN ? List.of() : source.closedConnections();
        int total = open.size() + closed.size();
        List<ConnectionSnapshot> selected = new ArrayList<>(cid > 0 ? 1 : total);
        if (cid > 0) {
            closed.stream().filter(c -> c.cid() == cid).findFirst().ifPresentOrElse(selected::add,
                    () -> open.stream().filter(c -> c.cid() == cid).findFirst().ifPresent(selected::add));
        } else {
            selected.addAll(open);
            selected.addAll(closed);
        }
        selected.sort(sort.comparator(request.now()));

        int from = Math.min(offset, selected.size());
        int to = (int) Math.min((long) offset + limit, selected.size());
        List<ConnInfo> page = new ArrayList<>(Math.max(0, to - from));
        for (ConnectionSnapshot c : selected.subList(from, to)) {
            page.add(ConnInfo.of(c, request.now(), subs));
        }
        return new Connz(source.serverId(), GoFormats.time(request.now()), page.size(), total, offset, limit, page);
    }

    private static State state(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "", "open" -> State.OPEN;
            case "closed" -> State.CLOSED;
            case "any", "all" -> State.ALL;
            default -> throw new BadRequestException("Error decoding state for " + text);
        };
    }
}
