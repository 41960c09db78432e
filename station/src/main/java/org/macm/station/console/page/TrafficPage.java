package org.macm.station.console.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.console.ConsoleRequest;
import org.macm.station.console.ConsoleRoute;
import org.macm.station.officer.Role;
import org.macm.station.traffic.MessageBoard;
import org.macm.station.traffic.MessageView;

/**
 * The Traffic page at {@code /}: every message in both directions with every peer, what waits
 * for an answer first. The page's HTML already holds the messages; live events re-fetch the
 * table ({@code /traffic/rows}) on top.
 */
public final class TrafficPage {
    private final Station station;
    private final MessageBoard board;

    public TrafficPage(Station station, MessageBoard board) {
        this.station = station;
        this.board = board;
    }

    public List<ConsoleRoute> routes() {
        return List.of(
                ConsoleRoute.get("/", Role.DUTY, this::page),
                ConsoleRoute.get("/traffic/rows", Role.DUTY, this::fragment));
    }

    private void page(ConsoleRequest r) {
        r.page("traffic.jte", r.chrome("traffic", "common.nav.traffic"), Map.of("rows", rows(r), "now", now()));
    }

    private void fragment(ConsoleRequest r) {
        r.html("traffic-rows.jte", Map.of("t", r.text(), "rows", rows(r), "now", now()));
    }

    private Instant now() {
        return station.clock().instant();
    }

    private List<TrafficRow> rows(ConsoleRequest r) {
        Instant now = now();
        List<TrafficRow> rows = new ArrayList<>();
        for (StationId peer : station.peers().all().stream().map(p -> p.station()).toList()) {
            for (MessageView v : board.inbox(peer, now, r.text().language())) {
                rows.add(new TrafficRow(v, true));
            }
            for (MessageView v : board.sent(peer, now, r.text().language())) {
                rows.add(new TrafficRow(v, false));
            }
        }
        rows.sort(Comparator.comparing(TrafficRow::waiting).reversed()
                .thenComparing(row -> row.view().precedence())
                .thenComparing(row -> row.view().time(), Comparator.reverseOrder()));
        return rows;
    }

    /** One line of the table: a message and whether it came in. */
    public record TrafficRow(MessageView view, boolean incoming) {
        /** Still waiting for an answer from a human (not yet acknowledged). */
        public boolean waiting() {
            return view.deadline().isPresent() && view.acknowledgements().isEmpty();
        }
    }
}
