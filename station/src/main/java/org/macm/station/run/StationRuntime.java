package org.macm.station.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.core.log.StationId;
import org.macm.link.LinkConfig;
import org.macm.link.Links;
import org.macm.link.PinnedTls;
import org.macm.station.Station;
import org.macm.station.StationException;
import org.macm.station.StationLayout;
import org.macm.station.StoreFactory;
import org.macm.station.api.ApiServer;
import org.macm.station.api.AcknowledgementsHandler;
import org.macm.station.api.AlertsHandler;
import org.macm.station.api.ApiToken;
import org.macm.station.api.MessagesHandler;
import org.macm.station.api.StationApi;
import org.macm.station.api.StatusHandler;
import org.macm.station.identity.Identity;
import org.macm.station.traffic.Acknowledgements;
import org.macm.station.traffic.Composer;
import org.macm.station.traffic.MessageBoard;
import org.macm.station.watch.WatchService;
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
    private final ReceiptWriter receipts;
    private final Scheduler scheduler;
    private final ApiServer api;
    private final Optional<WatchService> watch;

    private StationRuntime(Station station, Links links, ReceiptWriter receipts, Scheduler scheduler, ApiServer api,
            Optional<WatchService> watch) {
        this.watch = watch;
        this.station = station;
        this.links = links;
        this.receipts = receipts;
        this.scheduler = scheduler;
        this.api = api;
    }

    /** Opens the station in {@code layout} and starts it; throws (leaving nothing running) if any part fails. */
    public static StationRuntime start(StationLayout layout, Clock clock) {
        return start(layout, clock, Catalog.builtIn());
    }

    /** Starts with {@code catalog} as the agreed template catalog (its hash travels in HELLO). */
    public static StationRuntime start(StationLayout layout, Clock clock, Catalog catalog) {
        return start(layout, clock, catalog, catalog.hash().hex());
    }

    /**
     * Starts with the built-in catalog but announces {@code catalogHash} in HELLO: how tests and
     * benchmarks play a peer whose catalog differs (or does not matter).
     */
    public static StationRuntime start(StationLayout layout, Clock clock, String catalogHash) {
        return start(layout, clock, Catalog.builtIn(), catalogHash);
    }

    private static StationRuntime start(StationLayout layout, Clock clock, Catalog catalog, String catalogHash) {
        Station station = Station.open(layout, clock, StoreFactory.fromConfig());
        Links links = null;
        ReceiptWriter receipts = new ReceiptWriter(station);
        Scheduler scheduler = null;
        ApiServer api = null;
        WatchService watch = null;
        try {
            Map<StationId, X509Certificate> pinned = new LinkedHashMap<>();
            for (Identity p : station.peers().all()) {
                pinned.put(p.station(), p.tlsCertificate());
            }
            SecureRandom random = new SecureRandom();
            PinnedTls tls = new PinnedTls(station.tls().privateKey(), station.tls().certificate(), pinned, random);
            LinkConfig config = LinkConfig.of(station.id(), station.config().listen(), station.config().dial())
                    .withHeartbeat(station.config().heartbeatInterval(), station.config().heartbeatMisses())
                    .withReconnect(station.config().reconnectMin(), station.config().reconnectMax());
            links = new Links(config, tls, new StationLinkHost(station, catalogHash, receipts), List.copyOf(pinned.keySet()), clock);
            Links started = links;
            station.onWrite((peer, entry) -> started.appended(peer));
            // The board keeps a running account of what awaits an answer: it hears every entry
            // from here on, then reads what the logs already hold, before any link is up.
            MessageBoard board = new MessageBoard(station, catalog);
            station.onWrite(board::record);
            station.onReceive((peer, entries) -> entries.forEach(e -> board.record(peer, e)));
            pinned.keySet().forEach(board::follow);
            links.start();
            scheduler = new Scheduler(station, board, receipts).start();
            if (station.config().watch().isPresent()) {
                watch = new WatchService(station.config().watch().get(), catalog, clock).start();
            }
            ApiToken token = ApiToken.loadOrCreate(layout.dir().resolve("api.token"), random);
            Scheduler running = scheduler;
            AlertsHandler alerts = new AlertsHandler(Optional.ofNullable(watch));
            api = new ApiServer(station.config().api(), token, StationApi.routes(
                    new StatusHandler(station, links, alerts, running::overdue, running::testStats),
                    new MessagesHandler(station, links, board, new Composer(catalog, Optional.ofNullable(watch))),
                    new AcknowledgementsHandler(new Acknowledgements(station, board)), alerts)).start();
            writeApiUrl(layout.dir().resolve("api.url"), api.address());
            LOG.info("station {} running: link on {}, API on {}", station.id(), links.boundPorts(), api.address());
            return new StationRuntime(station, links, receipts, scheduler, api, Optional.ofNullable(watch));
        } catch (RuntimeException e) {
            closeAll(api, watch, scheduler, links, receipts, station);
            throw e;
        }
    }

    private static void writeApiUrl(Path file, InetSocketAddress address) {
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        try {
            Files.writeString(file, "http://" + host + ":" + address.getPort() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StationException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public Station station() {
        return station;
    }

    public Links links() {
        return links;
    }

    public InetSocketAddress apiAddress() {
        return api.address();
    }

    public List<Integer> linkPorts() {
        return links.boundPorts();
    }

    ApiServer api() {
        return api;
    }

    public Optional<WatchService> watch() {
        return watch;
    }

    @Override
    public void close() {
        closeAll(api, watch.orElse(null), scheduler, links, receipts, station);
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
