package org.macm.station.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;
import org.macm.link.Links;
import org.macm.station.Station;
import org.macm.station.traffic.LinkTestStats;
import org.macm.station.traffic.MessageBoard;
import org.macm.station.traffic.MessageView;
import org.macm.station.watch.WatchService;
import org.macm.store.CommitObserver;
import org.macm.store.IntakeOutcome;

/**
 * The station's meters, in one Prometheus registry: what the links carry and refuse, where
 * each link and path stands, log heads, what awaits a receipt or an acknowledgement, the
 * store's commits and disk, the encounter watch, and the JVM. Counters are fed by the hooks
 * this class implements (the link host's {@link TrafficListener}, the store's
 * {@link CommitObserver}, the scheduler's escalations); gauges are read from the running
 * parts when Prometheus scrapes. Labels take values from bounded sets only (pinned peers,
 * configured paths, enums), and nothing carries message text, an officer's name or a secret.
 * docs/OPERATIONS.md, "Metrics and health", lists every metric.
 */
public final class StationMetrics implements TrafficListener, CommitObserver, AutoCloseable {
    /** The Prometheus text exposition format that {@link #scrape} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The intake outcomes that refuse an entry: each is a {@code reason} of {@code macm_entries_refused_total}. */
    static final List<IntakeOutcome> REFUSALS = Arrays.stream(IntakeOutcome.values())
            .filter(IntakeOutcome::refused).toList();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Path storeFolder;
    private final Map<StationId, Counter> sent = new ConcurrentHashMap<>();
    private final Map<StationId, Counter> received = new ConcurrentHashMap<>();
    private final Map<StationId, Map<IntakeOutcome, Counter>> refused = new ConcurrentHashMap<>();
    private final Map<Precedence, Counter> escalations = new EnumMap<>(Precedence.class);
    private final Timer commits;
    private final Counter commitFailures;
    private volatile Optional<LinkGauges> links = Optional.empty();

    /** Registers the meters of {@code station} and its {@code peers}; {@link #bind} adds the running parts. */
    public StationMetrics(Station station, List<StationId> peers) {
        this.storeFolder = station.config().store().localFolder();
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        peers.forEach(this::peer);
        for (Precedence p : Precedence.values()) {
            escalations.put(p, Counter.builder("macm.escalations").tag("precedence", label(p))
                    .description("Messages and link tests escalated: not acknowledged by their deadline").register(registry));
        }
        commits = Timer.builder("macm.store.commit").description("Time each group commit of the store took")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
        commitFailures = Counter.builder("macm.store.commit.failures")
                .description("Store commits that failed and were rolled back (disk full, read-only file)").register(registry);
        Gauge.builder("macm.store.disk.free", this, StationMetrics::diskFree).baseUnit("bytes").strongReference(true)
                .description("Usable bytes left on the file system of the store's folder").register(registry);
        station.store().observeCommits(this);
    }

    private void peer(StationId peer) {
        sent.computeIfAbsent(peer, p -> Counter.builder("macm.entries.sent").tag("peer", p.value())
                .description("Entries of this station's log sent to the peer, counted on each path (a resend counts again)")
                .register(registry));
        received.computeIfAbsent(peer, p -> Counter.builder("macm.entries.received").tag("peer", p.value())
                .description("Entries of the peer's log received and newly stored").register(registry));
        refused.computeIfAbsent(peer, p -> {
            Map<IntakeOutcome, Counter> byReason = new EnumMap<>(IntakeOutcome.class);
            for (IntakeOutcome o : REFUSALS) {
                byReason.put(o, Counter.builder("macm.entries.refused").tags("peer", p.value(), "reason", label(o))
                        .description("Entries the peer sent that intake refused, by reason").register(registry));
            }
            return byReason;
        });
    }

    /**
     * What the running station offers to be read at each scrape.
     *
     * @param links     the station's links
     * @param board     what awaits receipts and acknowledgements
     * @param testStats the scheduler's count of link tests per peer
     * @param watch     the encounter watch, if the station runs one
     */
    public record Parts(Links links, MessageBoard board, Function<StationId, LinkTestStats> testStats,
            Optional<WatchService> watch) {
    }

    /** Adds the meters read from the running parts; call once, after they started. */
    public void bind(Station station, Parts parts) {
        LinkGauges gauges = new LinkGauges(registry, station, parts.links(), parts.board());
        for (StationId peer : sent.keySet()) {
            FunctionCounter.builder("macm.link.tests.missed", parts.testStats(), t -> t.apply(peer).missed())
                    .tag("peer", peer.value()).description("Scheduled link tests to the peer that went unanswered")
                    .register(registry);
        }
        parts.watch().ifPresent(w -> WatchMeters.bind(registry, w));
        links = Optional.of(gauges);
    }

    /** Counts one escalation (the scheduler calls it once per message). */
    public void escalated(MessageView message) {
        escalations.get(message.precedence()).increment();
    }

    @Override
    public void sent(StationId peer, int entries) {
        peer(peer);
        sent.get(peer).increment(entries);
    }

    @Override
    public void received(StationId peer, List<IntakeOutcome> outcomes) {
        peer(peer);
        Map<IntakeOutcome, Counter> byReason = refused.get(peer);
        long stored = 0;
        for (IntakeOutcome o : outcomes) {
            if (o == IntakeOutcome.STORED) {
                stored++;
            } else if (byReason.containsKey(o)) {
                byReason.get(o).increment();
            }
        }
        received.get(peer).increment((double) stored);
    }

    @Override
    public void committed(int writes, long nanos) {
        commits.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed() {
        commitFailures.increment();
    }

    private double diskFree() {
        try {
            return Files.getFileStore(storeFolder).getUsableSpace();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Every meter now, in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public synchronized String scrape() {
        links.ifPresent(LinkGauges::refresh);
        return registry.scrape(CONTENT_TYPE);
    }

    /** A label value: an enum's name in lower case, as Prometheus labels are usually written. */
    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
