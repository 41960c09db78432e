package org.macm.station.console;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.macm.core.log.StationId;
import org.macm.link.Links;
import org.macm.station.Station;
import org.macm.station.StationLayout;
import org.macm.station.config.ConsoleConfig;
import org.macm.station.console.page.LinkPage;
import org.macm.station.console.page.MapPage;
import org.macm.station.console.page.MessagePage;
import org.macm.station.console.page.ReadinessPage;
import org.macm.station.console.page.TrafficPage;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.traffic.Acknowledgements;
import org.macm.station.console.page.ComposePage;
import org.macm.station.traffic.Composer;
import org.macm.station.traffic.LinkTestStats;
import org.macm.station.traffic.MessageBoard;
import org.macm.station.traffic.MessageView;
import org.macm.station.watch.WatchService;
import org.macm.template.Catalog;

/**
 * The duty-officer console of a running station, put together: its site (login, guard,
 * pages), its event stream and alarms, and the feed that turns the station's happenings into
 * events. {@link org.macm.station.run.StationRuntime} starts it and serves {@link #site()}
 * from the station's web server; closing it ends the event streams and the feed.
 */
public final class Console implements AutoCloseable {
    /** Who did what in the console, one JSON line per action ({@link AuditTrail}), in the station's folder. */
    public static final String AUDIT_FILE = "console-audit.jsonl";
    private final ConsoleSite site;
    private final ConsoleEvents events;
    private final ConsoleAlarms alarms;
    private final LiveFeed feed;
    private final ConsoleSessions sessions;

    private Console(ConsoleSite site, ConsoleEvents events, ConsoleAlarms alarms, LiveFeed feed,
            ConsoleSessions sessions) {
        this.site = site;
        this.events = events;
        this.alarms = alarms;
        this.feed = feed;
        this.sessions = sessions;
    }

    /** What the console's pages read from the running station. */
    public record Parts(StationLayout layout, Station station, Links links, MessageBoard board,
            Supplier<List<MessageView>> overdue, Function<StationId, LinkTestStats> linkTests, Catalog catalog,
            Optional<WatchService> watch, SecureRandom random, Acknowledgements acknowledgements) {
    }

    public static Console start(Parts p) {
        Station station = p.station();
        ConsoleConfig config = station.config().console();
        ConsoleEvents events = new ConsoleEvents();
        ConsoleAlarms alarms = new ConsoleAlarms(station.clock(), events);
        LiveFeed feed = new LiveFeed(events, alarms, p.links()::status, p.overdue(), p.board()::terms);
        station.onWrite(feed::written);
        station.onReceive(feed::received);
        station.intake().onFinding(feed::found);
        p.watch().ifPresent(w -> feed.watching(w::changes));
        ConsoleSessions sessions = new ConsoleSessions(station.clock(), config.idleTimeout(), p.random());
        List<ConsoleRoute> pages = new ArrayList<>();
        pages.addAll(new TrafficPage(station, p.board(), p.links()::status).routes());
        AuditTrail audit = new AuditTrail(p.layout().dir().resolve(AUDIT_FILE), station.clock());
        pages.addAll(new MessagePage(station, p.board(), p.acknowledgements(), audit).routes());
        pages.addAll(new LinkPage(station, p.links(), p.linkTests(), p.board()::terms).routes());
        pages.addAll(new ReadinessPage(station).routes());
        pages.addAll(new MapPage(p.watch()).routes());
        pages.addAll(new ComposePage(station, p.catalog(), new Composer(p.catalog(), p.watch()), audit).routes());
        ConsoleSite site = new ConsoleSite(config, station.id().value(),
                new OfficerRegistry(p.layout(), station.clock(), p.random()), sessions,
                new LoginThrottle(station.clock()), new Views(), UiText.load(), events, alarms,
                station.store()::failure, pages, config.tls().map(ConsoleTls::of));
        return new Console(site, events, alarms, feed.start(), sessions);
    }

    public ConsoleSite site() {
        return site;
    }

    /** {@code https} when the console has a certificate, else {@code http}. */
    public String scheme() {
        return site.tls().isPresent() ? "https" : "http";
    }

    public ConsoleEvents events() {
        return events;
    }

    public ConsoleAlarms alarms() {
        return alarms;
    }

    public ConsoleSessions sessions() {
        return sessions;
    }

    @Override
    public void close() {
        feed.close();
        events.close();
    }
}
