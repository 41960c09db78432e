package org.macm.station.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.macm.core.log.MessageContent;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.DraftNotice;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.engine.EncounterConfig;
import org.macm.encounter.engine.Threshold;
import org.macm.encounter.feed.FeedReader;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.watch.EncounterWatch;
import org.macm.encounter.zone.Zone;
import org.macm.encounter.zone.ZoneReader;
import org.macm.station.StationException;
import org.macm.station.config.WatchConfig;
import org.macm.station.feed.FeedTimes;
import org.macm.station.feed.FileReplay;
import org.macm.station.feed.Framing;
import org.macm.station.feed.FramingCounts;
import org.macm.station.feed.LineSource;
import org.macm.station.feed.TcpClientSource;
import org.macm.station.feed.TcpServerSource;
import org.macm.station.feed.UdpSource;
import org.macm.template.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encounter watch inside a running station: reads the configured feeds, decodes and
 * tracks them, raises alerts, and keeps each alert with its draft so that an officer can
 * send it ({@code macm send --draft ID}). Bad lines are counted per feed and reason and
 * shown in the status. The watch's clock follows the feeds' own time stamps.
 */
public final class WatchService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchService.class);

    /** One alert as last seen: its last event and, for encounters, the draft. */
    public record AlertRecord(String id, AlertEvent last, Optional<DraftNotice> draft) {
    }

    /** One feed's counters: lines read, the decoder's, and what a binary feed's framing dropped. */
    public record FeedStats(String source, long lines, DecodeStats.Snapshot decoding, FramingCounts.Snapshot dropped) {
    }

    private final WatchConfig config;
    private final EncounterNotices notices;
    private final Object lock = new Object();
    private final EncounterWatch watch;
    private final Map<String, AlertRecord> alerts = new LinkedHashMap<>();
    private final List<Feed> feeds = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "macm-watch-tick");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;
    private final List<Zone> zones;
    private Instant lastSeen = Instant.EPOCH;
    /** Rises whenever the picture changes (a track, an alert, a track dropped); read without the lock. */
    private final AtomicLong changes = new AtomicLong();
    private ScheduledFuture<?> ticks;

    /** A source with its reader; lines from one source are decoded in order, under the watch's lock. */
    private record Feed(LineSource source, FeedReader reader) {
    }

    public WatchService(WatchConfig config, Catalog catalog, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.notices = new EncounterNotices(catalog);
        this.zones = config.zones().map(new ZoneReader()::read).orElse(List.of());
        this.watch = EncounterWatch.builder(encounterConfig(config)).units(config.units()).zones(zones)
                .build(this::record);
    }

    /** The engine's config: the two sides and the alert thresholds of {@code [watch]}, the rest as by default. */
    private static EncounterConfig encounterConfig(WatchConfig config) {
        WatchConfig.Thresholds t = config.thresholds();
        return EncounterConfig.defaults(Parties.of(config.side(), config.otherSide()))
                .withSurface(new Threshold(t.surfaceNm(), OptionalDouble.empty(), t.surfaceWithin()))
                .withAir(new Threshold(t.airNm(), OptionalDouble.of(t.airFeet()), t.airWithin()));
    }

    private void record(AlertEvent event) {
        String id = event.alert().id();
        AlertRecord before = alerts.get(id);
        Optional<DraftNotice> draft = event instanceof AlertEvent.Raised r ? Optional.of(r.draft())
                : before == null ? Optional.empty() : before.draft();
        alerts.put(id, new AlertRecord(id, event, draft));
        changes.incrementAndGet();
        if (!(event instanceof AlertEvent.Updated)) {
            LOG.warn("ENCOUNTER WATCH: {}", AlertText.line(event));
        }
    }

    public WatchService start() {
        for (WatchConfig.Source s : config.sources()) {
            Feed feed = feed(s);
            feeds.add(feed);
            feed.source().start(line -> {
                synchronized (lock) {
                    // A live report without its own time arrived now.
                    feed.reader().read(line, clock.instant()).ifPresent(e -> {
                        if (e.time().isAfter(lastSeen)) {
                            lastSeen = e.time();
                        }
                        if (watch.accept(e).isPresent()) {
                            changes.incrementAndGet();
                        }
                    });
                }
            });
        }
        ticks = ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private void tick() {
        try {
            synchronized (lock) {
                int before = watch.store().size();
                watch.tick(now());
                if (watch.store().size() != before) {
                    changes.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("encounter watch tick failed", e);
        }
    }

    private Feed feed(WatchConfig.Source s) {
        LineSource source = switch (s) {
            case WatchConfig.Source.Replay r ->
                new FileReplay(r.file(), Framing.of(r.format()), r.speed(), FeedTimes.of(r.format()));
            case WatchConfig.Source.TcpClient c -> new TcpClientSource(c.address(), Framing.of(c.format()));
            case WatchConfig.Source.TcpServer t -> new TcpServerSource(t.address(), Framing.of(t.format()));
            case WatchConfig.Source.Udp u -> new UdpSource(u.address());
        };
        return new Feed(source, s.format().reader());
    }

    /** The watch's present. Live feeds stamp reports with the present; a replay with its recorded time. */
    private Instant now() {
        return lastSeen.equals(Instant.EPOCH) ? clock.instant() : lastSeen;
    }

    /** What the watch sees now, for display. */
    public WatchPicture picture() {
        synchronized (lock) {
            return new WatchPicture(now(), config.side(), config.otherSide(), List.copyOf(watch.store().tracks()),
                    watch.engine().active(), zones, List.copyOf(alerts.values()));
        }
    }

    /** A number that rises whenever the {@link #picture} changes, cheap to poll. */
    public long changes() {
        return changes.get();
    }

    /** Every alert seen, oldest first, with its latest event. */
    public List<AlertRecord> alerts() {
        synchronized (lock) {
            return List.copyOf(alerts.values());
        }
    }

    public List<FeedStats> feeds() {
        List<FeedStats> out = new ArrayList<>();
        for (Feed f : feeds) {
            out.add(new FeedStats(f.source().describe(), f.source().lines(), f.reader().stats().snapshot(),
                    f.source().dropped()));
        }
        return out;
    }

    /** The encounter notice this station would send for alert {@code id}. */
    public MessageContent.Template notice(String id) {
        AlertRecord r;
        synchronized (lock) {
            r = alerts.get(id);
        }
        if (r == null) {
            throw new StationException("no alert '" + id + "'; see 'macm alerts'");
        }
        return r.draft().flatMap(d -> notices.notice(d, config.side())).orElseThrow(() -> new StationException(
                "alert '" + id + "' has no encounter notice to send (zone entries have no form yet)"));
    }

    public Collection<String> sources() {
        return feeds.stream().map(f -> f.source().describe()).toList();
    }

    @Override
    public void close() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        ticker.shutdownNow();
        for (Feed f : feeds) {
            f.source().close();
        }
    }
}
