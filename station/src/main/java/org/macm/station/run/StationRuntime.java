package org.macm.station.run;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.macm.core.log.StationId;
import org.macm.link.LinkConfig;
import org.macm.link.Links;
import org.macm.link.PinnedTls;
import org.macm.station.Station;
import org.macm.station.StationException;
import org.macm.station.StationLayout;
import org.macm.station.StoreFactory;
import org.macm.station.api.ApiSite;
import org.macm.station.config.ConfigException;
import org.macm.station.config.ConfigFile;
import org.macm.station.config.HostPort;
import org.macm.station.console.Console;
import org.macm.station.api.AcknowledgementsHandler;
import org.macm.station.api.AlertsHandler;
import org.macm.station.api.ApiToken;
import org.macm.station.api.ExportsHandler;
import org.macm.station.api.MessagesHandler;
import org.macm.station.api.NodeStatus;
import org.macm.station.api.StationApi;
import org.macm.station.api.StatusHandler;
import org.macm.station.identity.Identity;
import org.macm.station.metrics.Health;
import org.macm.station.metrics.MetricsSite;
import org.macm.station.metrics.StationMetrics;
import org.macm.station.metrics.TrafficListener;
import org.macm.station.traffic.Acknowledgements;
import org.macm.station.traffic.Composer;
import org.macm.station.traffic.MessageBoard;
import org.macm.station.watch.WatchService;
import org.macm.station.web.Site;
import org.macm.station.web.WebServer;
import org.macm.template.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running station: its store, links, scheduler and local API, started in that order and
 * closed in reverse, each part closed even when another fails. The API's address is written
 * to {@code DIR/api.url} so that the CLI finds it.
 */
public final class StationRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationRuntime.class);

    private final Station station;
    private final Links links;
    private final Scheduler scheduler;
    private final WebServer web;
    private final ApiSite api;
    private final Console console;
    private final Optional<WatchService> watch;
    private final Optional<StationMetrics> metrics;
    private final StationLayout layout;
    private final LinkAnnouncer announcer;
    /** What this run wrote to api.url and console.url: deleted at close only if the files still say so. */
    private final Map<Path, String> urlFiles;
    private boolean closed;

    private StationRuntime(Station station, Links links, Scheduler scheduler, WebServer web, ApiSite api, Console console,
            Optional<WatchService> watch, Optional<StationMetrics> metrics, StationLayout layout, LinkAnnouncer announcer,
            Map<Path, String> urlFiles) {
        this.watch = watch;
        this.metrics = metrics;
        this.layout = layout;
        this.announcer = announcer;
        this.urlFiles = Map.copyOf(urlFiles);
        this.station = station;
        this.links = links;
        this.scheduler = scheduler;
        this.web = web;
        this.api = api;
        this.console = console;
    }

    /** Opens the station in {@code layout} and starts it; throws (leaving nothing running) if any part fails. */
    public static StationRuntime start(StationLayout layout, Clock clock) {
        return start(layout, clock, Catalog.builtIn());
    }

    /** Starts with {@code catalog} as the agreed template catalog (its hash travels in HELLO). */
    public static StationRuntime start(StationLayout layout, Clock clock, Catalog catalog) {
        return start(layout, clock, catalog, catalog.hash().hex(), station -> { });
    }

    /**
     * Starts with the built-in catalog but announces {@code catalogHash} in HELLO: how tests and
     * benchmarks play a peer whose catalog differs (or does not matter).
     */
    public static StationRuntime start(StationLayout layout, Clock clock, String catalogHash) {
        return start(layout, clock, Catalog.builtIn(), catalogHash, station -> { });
    }

    /**
     * As {@link #start(StationLayout, Clock, String)}, but first hands the opened station to
     * {@code opened}, before any part listens to it: the bench's listeners then hear each
     * commit before the link, the board or the console do, and time it from there.
     */
    public static StationRuntime start(StationLayout layout, Clock clock, String catalogHash, Consumer<Station> opened) {
        return start(layout, clock, Catalog.builtIn(), catalogHash, opened);
    }

    /**
     * Starts as the active node of an active/standby pair: the store from {@code stores} (the
     * PostgreSQL store fenced with the node's lease epoch), and {@code node} in the status.
     */
    public static StationRuntime start(StationLayout layout, Clock clock, StoreFactory stores,
            Supplier<Optional<NodeStatus>> node) {
        Catalog catalog = Catalog.builtIn();
        return start(layout, clock, catalog, catalog.hash().hex(), station -> { }, stores, node);
    }

    private static StationRuntime start(StationLayout layout, Clock clock, Catalog catalog, String catalogHash,
            Consumer<Station> opened) {
        return start(layout, clock, catalog, catalogHash, opened, StoreFactory.fromConfig(), Optional::empty);
    }

    private static StationRuntime start(StationLayout layout, Clock clock, Catalog catalog, String catalogHash,
            Consumer<Station> opened, StoreFactory stores, Supplier<Optional<NodeStatus>> node) {
        Station station = Station.open(layout, clock, stores);
        Links links = null;
        Scheduler scheduler = null;
        WebServer web = null;
        Console console = null;
        WatchService watch = null;
        StationMetrics metrics = null;
        try {
            opened.accept(station);
            Map<StationId, X509Certificate> pinned = new LinkedHashMap<>();
            for (Identity p : station.peers().all()) {
                pinned.put(p.station(), p.tlsCertificate());
            }
            SecureRandom random = new SecureRandom();
            PinnedTls tls = new PinnedTls(station.tls().privateKey(), station.tls().certificate(), pinned, random);
            LinkConfig config = LinkConfig.of(station.id(), station.config().listen(), station.config().dial())
                    .withHeartbeat(station.config().heartbeatInterval(), station.config().heartbeatMisses())
                    .withReconnect(station.config().reconnectMin(), station.config().reconnectMax());
            // [metrics] listen set: meters on, fed by the link host, the store and the scheduler from here on.
            metrics = station.config().metrics().isPresent() ? new StationMetrics(station, List.copyOf(pinned.keySet())) : null;
            links = new Links(config, tls, new StationLinkHost(station, catalogHash,
                    metrics == null ? TrafficListener.NONE : metrics), List.copyOf(pinned.keySet()), clock);
            Links started = links;
            station.onWrite((peer, entry) -> started.appended(peer));
            // The board keeps a running account of what awaits an answer: it hears every entry
            // from here on, then reads what the logs already hold, before any link is up.
            MessageBoard board = new MessageBoard(station, catalog);
            station.onWrite(board::record);
            // Called once the entries are durable: the time they were stored here runs their
            // deadlines until this station's next entry (its receipt) says when it received them.
            station.onReceive((peer, entries) -> board.received(peer, entries, clock.instant()));
            // A receipt verified is a receipt: the peer holds the message durably and signed so.
            station.onVerified(board::verified);
            pinned.keySet().forEach(board::follow);
            // Before the link and the API: every message written from now on is held to these deadlines.
            LinkAnnouncer announcer = new LinkAnnouncer(station, board);
            pinned.keySet().forEach(announcer::announce);
            links.start();
            scheduler = new Scheduler(station, board);
            if (metrics != null) {
                scheduler.onEscalation(metrics::escalated);
            }
            scheduler.start();
            if (station.config().watch().isPresent()) {
                watch = new WatchService(station.config().watch().get(), catalog, clock).start();
            }
            ApiToken token = ApiToken.loadOrCreate(layout.dir().resolve("api.token"), random);
            Scheduler running = scheduler;
            AlertsHandler alerts = new AlertsHandler(Optional.ofNullable(watch));
            // One for the API and the console: it serialises acknowledgements, so two officers cannot both be first.
            Acknowledgements acknowledgements = new Acknowledgements(station, board);
            Health health = new Health(station.store()::failure, station.config().store().localFolder(),
                    () -> true, () -> started.status().size()); // Station.open has loaded the signing key, or thrown
            ApiSite api = new ApiSite(station.config().api(), token, StationApi.routes(
                    new StatusHandler(station, links, alerts, running::overdue, running::testStats, board::terms, node),
                    new MessagesHandler(station, links, board, new Composer(catalog, Optional.ofNullable(watch))),
                    new AcknowledgementsHandler(acknowledgements), alerts, new ExportsHandler(station)), Optional.of(health));
            console = Console.start(new Console.Parts(layout, station, links, board, running::overdue,
                    running::testStats, catalog, Optional.ofNullable(watch), random, acknowledgements));
            List<Site> sites = new ArrayList<>(List.of(api, console.site()));
            if (metrics != null) {
                metrics.bind(station, new StationMetrics.Parts(links, board, running::testStats, Optional.ofNullable(watch)));
                sites.add(new MetricsSite(station.config().metrics().get(), metrics));
            }
            web = new WebServer(sites).start();
            Map<Path, String> urlFiles = new LinkedHashMap<>();
            urlFiles.put(writeUrl(layout.dir().resolve("api.url"), "http", web.address("api")),
                    url("http", web.address("api")));
            urlFiles.put(writeUrl(layout.dir().resolve("console.url"), console.scheme(), web.address("console")),
                    url(console.scheme(), web.address("console")));
            LOG.info("station {} running: link on {}, API on {}, console on {}", station.id(), links.boundPorts(),
                    web.address("api"), url(console.scheme(), web.address("console")));
            if (metrics != null) {
                LOG.info("station {} metrics on {}", station.id(), url("http", web.address("metrics")));
            }
            return new StationRuntime(station, links, scheduler, web, api, console, Optional.ofNullable(watch),
                    Optional.ofNullable(metrics), layout, announcer, urlFiles);
        } catch (RuntimeException e) {
            closeAll(web, console, watch, scheduler, links, station, metrics);
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT}: where a client on this host reaches {@code address} (written as HostPort writes one). */
    public static String url(String scheme, InetSocketAddress address) {
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return scheme + "://" + new HostPort(host, address.getPort());
    }

    private static Path writeUrl(Path file, String scheme, InetSocketAddress address) {
        return UrlFile.write(file, url(scheme, address));
    }

    public Station station() {
        return station;
    }

    public Links links() {
        return links;
    }

    public InetSocketAddress apiAddress() {
        return web.address("api");
    }

    /** The API's URL, as written to {@code DIR/api.url}. */
    public String apiUrl() {
        return url("http", web.address("api"));
    }

    /** The console's URL, e.g. {@code http://127.0.0.1:41235}. */
    public String consoleUrl() {
        return url(console.scheme(), web.address("console"));
    }

    /** The console's parts (sessions, events, alarms), for tests and the bench. */
    public Console console() {
        return console;
    }

    public List<Integer> linkPorts() {
        return links.boundPorts();
    }

    ApiSite api() {
        return api;
    }

    public Optional<WatchService> watch() {
        return watch;
    }

    /** Where /metrics listens, when {@code [metrics] listen} is set. */
    public Optional<InetSocketAddress> metricsAddress() {
        return metrics.map(m -> web.address("metrics"));
    }

    /**
     * Re-reads station.toml and applies what can change while running (see {@link ConfigReload});
     * returns the changes, one per key. A file that does not read throws {@link ConfigException}
     * and changes nothing. Synchronized with {@link #close}: a reload never runs on a closing station.
     */
    public synchronized ConfigReload reload() {
        if (closed) {
            throw new StationException("station " + station.id() + " is stopping; not reloading");
        }
        ConfigReload reload = ConfigReload.between(station.config(), new ConfigFile().read(layout.config()));
        station.reconfigure(reload.config());
        if (reload.deadlinesChanged()) {
            // The deadlines hold the peer's view too: announce them in the log to each peer, as a start does.
            station.peers().all().forEach(p -> announcer.announce(p.station()));
        }
        return reload;
    }

    /**
     * Stops in order: the web listeners (no new requests), console, watch, scheduler, links
     * (ERROR SHUTDOWN on every path), then the store, which commits what it has queued before
     * closing; then deletes api.url and console.url if they still hold this run's URLs (another
     * run on the same folder may have written its own since). Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAll(web, console, watch.orElse(null), scheduler, links, station, metrics.orElse(null));
        urlFiles.forEach(UrlFile::deleteIfOurs);
    }

    private static void closeAll(AutoCloseable... parts) {
        for (AutoCloseable p : parts) {
            if (p == null) {
                continue;
            }
            try {
                p.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", p.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
