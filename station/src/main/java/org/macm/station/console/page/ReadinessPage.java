package org.macm.station.console.page;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.core.log.LogId;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.console.ConsoleRequest;
import org.macm.station.console.ConsoleRoute;
import org.macm.station.console.UiText;
import org.macm.station.officer.Role;
import org.macm.station.traffic.Readiness;

/**
 * The Readiness page at {@code /readiness?from=YYYY-MM-DD&to=YYYY-MM-DD}, for supervisors: per
 * link, per precedence and per officer, how fast messages were receipted and acknowledged and
 * how many deadlines were missed, from {@code from} to {@code to} inclusive in the officer's
 * zone (by default the last 7 days, today included). The numbers are {@link Readiness}'s,
 * computed from the signed logs alone (each request reads both logs whole), the very report
 * {@code macm report} prints from the two exports for the same period, so both stations and an
 * auditor see the same figures; the tables are fetched again on traffic events, at most every
 * 2 s per browser.
 */
public final class ReadinessPage {
    /** Days shown when the officer names none: today and the six before. */
    private static final int DEFAULT_DAYS = 7;

    private final Station station;

    public ReadinessPage(Station station) {
        this.station = station;
    }

    public List<ConsoleRoute> routes() {
        return List.of(
                ConsoleRoute.get("/readiness", Role.SUPERVISOR, this::page),
                ConsoleRoute.get("/readiness/tables", Role.SUPERVISOR, this::fragment));
    }

    private void page(ConsoleRequest r) {
        View v = view(r);
        if (v.error().isPresent()) {
            r.ctx().status(400);
        }
        r.page("readiness.jte", r.chrome("readiness", "readiness.title"), Map.of("view", v));
    }

    private void fragment(ConsoleRequest r) {
        r.html("readiness-tables.jte", Map.of("t", r.text(), "view", view(r)));
    }

    private View view(ConsoleRequest r) {
        ZoneId zone = r.text().zone();
        Instant now = station.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate from = today.minusDays(DEFAULT_DAYS - 1L);
        LocalDate to = today;
        Optional<String> error = Optional.empty();
        String fromParam = r.ctx().queryParam("from");
        String toParam = r.ctx().queryParam("to");
        try {
            LocalDate f = fromParam == null || fromParam.isBlank() ? from : LocalDate.parse(fromParam);
            LocalDate t = toParam == null || toParam.isBlank() ? to : LocalDate.parse(toParam);
            if (t.isBefore(f)) {
                error = Optional.of(r.text().format("readiness.error.order", f.toString(), t.toString()));
            } else {
                from = f;
                to = t;
            }
        } catch (DateTimeException e) {
            error = Optional.of(r.text().get("readiness.error.date"));
        }
        Readiness.Period period = new Readiness.Period(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        List<LinkView> reports = new ArrayList<>();
        for (StationId peer : station.peers().all().stream().map(p -> p.station()).sorted().toList()) {
            reports.add(new LinkView(station.id(), peer, Readiness.compute(station.link(peer), all(station.ownLog(peer)),
                    all(station.peerLog(peer)), Optional.of(period))));
        }
        return new View(from, to, error, reports);
    }

    /** Every entry of {@code log}, in log order. */
    private List<SignedEntry> all(LogId log) {
        List<SignedEntry> out = new ArrayList<>();
        long head = station.store().head(log).seq();
        for (long from = 1; from <= head; from += 4096) {
            out.addAll(station.store().read(log, from, 4096));
        }
        return out;
    }

    /** What the page shows: the days chosen (inclusive), a complaint about the dates asked for, a report per link. */
    public record View(LocalDate from, LocalDate to, Optional<String> error, List<LinkView> reports) {
        public View {
            reports = List.copyOf(reports);
        }

        /** Where the tables are fetched again, for the same days. */
        public String tablesUrl() {
            return "/readiness/tables?from=" + from + "&to=" + to;
        }

        /** A time taken, or a dash when there is none. */
        public static String duration(UiText t, Duration d) {
            return duration(t, Optional.of(d));
        }

        /** A time taken, in the officer's words ("0.4 s", "3 min 05 s", "2 h 10 min"; rounded down), or a dash when there is none. */
        public static String duration(UiText t, Optional<Duration> d) {
            if (d.isEmpty()) {
                return "—";
            }
            Duration a = d.get().abs();
            String sign = d.get().isNegative() ? "−" : "";
            if (a.toHours() >= 1) {
                return sign + t.format("readiness.hm", a.toHours(), a.toMinutesPart());
            }
            if (a.toMinutes() >= 1) {
                return sign + t.format("readiness.ms", a.toMinutes(), a.toSecondsPart());
            }
            return sign + t.format("readiness.s", Math.floorDiv(a.toMillis(), 100L) / 10.0);
        }
    }

    /** One link's report as this station sees it: what we sent, what we received, and the officers of both sides. */
    public record LinkView(StationId self, StationId peer, Readiness.Report report) {
        /** One precedence: the flow we wrote and the flow the peer wrote. */
        public record Row(Precedence precedence, Readiness.Flow sent, Readiness.Flow received) {
        }

        /** An officer of {@code station} (the one whose log holds the acknowledgements). */
        public record Officer(StationId station, Readiness.OfficerRow row) {
        }

        public Readiness.Direction sent() {
            return report.from(self);
        }

        public Readiness.Direction received() {
            return report.from(peer);
        }

        public List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < sent().precedences().size(); i++) {
                Readiness.Flow s = sent().precedences().get(i);
                rows.add(new Row(s.precedence(), s, received().precedences().get(i)));
            }
            return rows;
        }

        /** Both sides' officers, by station then as the report orders them. */
        public List<Officer> officers() {
            List<Officer> out = new ArrayList<>();
            for (Readiness.Direction d : report.directions()) {
                d.officers().forEach(o -> out.add(new Officer(d.to(), o)));
            }
            out.sort(Comparator.comparing(Officer::station));
            return out;
        }
    }
}
