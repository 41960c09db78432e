package org.macm.station.console.page;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.macm.core.log.Head;
import org.macm.core.log.StationId;
import org.macm.link.LinkStatus;
import org.macm.link.Links;
import org.macm.station.Station;
import org.macm.station.console.ConsoleRequest;
import org.macm.station.console.ConsoleRoute;
import org.macm.station.console.UiText;
import org.macm.station.officer.Role;
import org.macm.station.traffic.LinkReport;
import org.macm.station.traffic.LinkTerms;
import org.macm.station.traffic.LinkTestStats;
import org.macm.store.LogStore;

/**
 * The Link page at {@code /link}: for each peer, whether the link is UP, DEGRADED or DOWN and
 * since when, each path and when it was last heard, how far each side holds the other's log,
 * whether the catalogs match, what was refused, the link tests, the deadlines each side
 * announced and the clock check, and the store's health. It
 * shows what {@code macm status} shows (both read {@link LinkReport}); the panel is fetched
 * again on every {@code link} event and every 5 s, so "last heard" keeps moving.
 */
public final class LinkPage {
    private final Station station;
    private final Links links;
    private final Function<StationId, LinkTestStats> linkTests;
    private final Function<StationId, LinkTerms> terms;

    public LinkPage(Station station, Links links, Function<StationId, LinkTestStats> linkTests,
            Function<StationId, LinkTerms> terms) {
        this.terms = terms;
        this.station = station;
        this.links = links;
        this.linkTests = linkTests;
    }

    public List<ConsoleRoute> routes() {
        return List.of(
                ConsoleRoute.get("/link", Role.DUTY, this::page),
                ConsoleRoute.get("/link/panel", Role.DUTY, this::fragment));
    }

    private void page(ConsoleRequest r) {
        r.page("link.jte", r.chrome("link", "link.title"), Map.of("view", view()));
    }

    private void fragment(ConsoleRequest r) {
        r.html("link-panel.jte", Map.of("t", r.text(), "view", view()));
    }

    private View view() {
        List<LinkReport> reports = links.status().stream()
                .map(s -> LinkReport.of(station, s, linkTests.apply(s.peer()), terms.apply(s.peer())))
                .sorted((a, b) -> a.status().peer().value().compareTo(b.status().peer().value()))
                .toList();
        return new View(reports, station.store().failure(), station.clock().instant());
    }

    /** What the panel shows: every link, the store's failure if it is failing, and the time it was drawn. */
    public record View(List<LinkReport> links, Optional<LogStore.Failure> storeFailure, Instant now) {
        public View {
            links = List.copyOf(links);
        }

        /** The CSS class of a link's state: {@code up}, {@code degraded}, {@code down}. */
        public static String stateClass(LinkStatus s) {
            return s.state().name().toLowerCase(Locale.ROOT);
        }

        /** A log head as the page writes it: its seq and the start of its hash, or "none yet". */
        public static String head(UiText t, Head h) {
            return h.isEmpty() ? t.get("link.head.empty") : t.format("link.head", h.seq(), h.hash().shortHex());
        }
    }
}
