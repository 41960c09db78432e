package org.macm.station.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.macm.core.log.MessageContent;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.DraftNotice;
import org.macm.encounter.alert.SafetyAlert;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.engine.EncounterConfig;
import org.macm.encounter.engine.Threshold;
import org.macm.encounter.feed.FeedReader;
import org.macm.encounter.track.TrackEvent;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.watch.EncounterWatch;
import org.macm.encounter.zone.Zone;
import org.macm.encounter.zone.ZoneReader;
import org.macm.station.StationException;
import org.macm.station.config.WatchConfig;
import org.macm.station.feed.Framing;
import org.macm.station.feed.FramingCounts;
import org.macm.station.feed.LineSource;
import org.macm.station.feed.MergedReplay;
import org.macm.station.feed.SecondTicks;
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
 * shown in the status. The watch's clock is the recorded time when it replays, the station's
 * clock when it is fed live; never both ({@link #start}).
 */
public final class WatchService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchService.class);

    /** One alert as last seen: its last event and, for encounters, the draft. */
    public record AlertRecord(String id, AlertEvent last, Optional<DraftNotice> draft) {
    }

    /** One feed's counters. */
    public record FeedStats(String source, long lines, DecodeStats.Snapshot decoding, FramingCounts.Snapshot dropped) {
    }

    private final WatchConfig config;
    private final EncounterNotices notices;
    private final AlertJson json;
    private final Object lock = new Object();
    private final EncounterWatch watch;
    private final Map<String, AlertRecord> alerts = new LinkedHashMap<>();
    private final List<Feed> feeds = new ArrayList<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "macm-watch-tick");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;
    private final List<Zone> zones;
    /** The watch's present when it replays: the latest recorded time played; the epoch when live. */
    private Instant replayed = Instant.EPOCH;
    /** Rises whenever the picture changes (a track, an alert, a track dropped); read without the lock. */
    private final AtomicLong changes = new AtomicLong();
    private ScheduledFuture<?> ticks;

    /** A feed as the status shows it: what it is, lines read, and its decoder's counters. */
    private record Feed(String description, LongSupplier lines, FeedReader reader, Supplier<FramingCounts.Snapshot> dropped) {
    }

    public WatchService(WatchConfig config, Catalog catalog, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.notices = new EncounterNotices(catalog);
        EncounterConfig engine = encounterConfig(config);
        this.json = new AlertJson(kind -> engine.threshold(kind).horizon());
        this.zones = config.zones().map(new ZoneReader()::read).orElse(List.of());
        this.watch = EncounterWatch.builder(engine).units(config.units()).zones(zones)
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
        // A safety message is quoted as received and answered by an officer, never sent on as a form.
        Optional<DraftNotice> draft = event.alert() instanceof SafetyAlert ? Optional.empty()
                : event instanceof AlertEvent.Raised r ? Optional.of(r.draft())
                : before == null ? Optional.empty() : before.draft();
        alerts.put(id, new AlertRecord(id, event, draft));
        changes.incrementAndGet();
        if (!(event instanceof AlertEvent.Updated)) {
            LOG.warn("ENCOUNTER WATCH: {}", AlertText.line(event));
        }
    }

    /**
     * Starts the feeds. The watch has one clock: a station that replays runs on the recorded
     * time of all its replays merged ({@link MergedReplay}); one with live feeds on the
     * station's clock, ticked on every whole second it passes ({@link SecondTicks}). The
     * config refuses the two together (docs/ENCOUNTER.md, "One clock per watch").
     */
    public WatchService start() {
        List<WatchConfig.Source.Replay> replays = config.sources().stream()
                .filter(WatchConfig.Source.Replay.class::isInstance).map(WatchConfig.Source.Replay.class::cast).toList();
        if (!replays.isEmpty()) {
            startReplay(replays);
            return this;
        }
        SecondTicks seconds = new SecondTicks(clock.instant());
        for (WatchConfig.Source s : config.sources()) {
            LineSource source = live(s);
            FeedReader reader = s.format().reader(config.receiver());
            feeds.add(new Feed(source.describe(), source::lines, reader, source::dropped));
            running.add(source);
            source.start(line -> {
                synchronized (lock) {
                    // A live report without its own time arrived now; the seconds before it are ticked first.
                    Instant now = clock.instant();
                    seconds.upTo(now, this::tickAt);
                    reader.read(line, now).ifPresent(this::acceptEvent);
                }
            });
        }
        ticks = ticker.scheduleWithFixedDelay(() -> tick(seconds), 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private void startReplay(List<WatchConfig.Source.Replay> replays) {
        MergedReplay replay = new MergedReplay(replays.stream().map(WatchConfig.Source.Replay::file).toList(),
                replays.stream().map(WatchConfig.Source.Replay::format).toList(), replays.get(0).speed());
        for (MergedReplay.Part p : replay.parts()) {
            feeds.add(new Feed(replay.describe(p), p::lines, p.reader(), () -> FramingCounts.Snapshot.NONE));
        }
        running.add(replay);
        replay.start(new MergedReplay.Target() {
            @Override
            public void accept(TrackEvent event) {
                synchronized (lock) {
                    if (event.time().isAfter(replayed)) {
                        replayed = event.time();
                    }
                    acceptEvent(event);
                }
            }

            @Override
            public void tick(Instant now) {
                synchronized (lock) {
                    if (now.isAfter(replayed)) {
                        replayed = now;
                    }
                    tickAt(now);
                }
            }
        });
    }

    /** Under the lock. */
    private void acceptEvent(TrackEvent e) {
        if (watch.accept(e).isPresent()) {
            changes.incrementAndGet();
        }
    }

    /** Under the lock. */
    private void tickAt(Instant now) {
        int before = watch.store().size();
        watch.tick(now);
        if (watch.store().size() != before) {
            changes.incrementAndGet();
        }
    }

    private void tick(SecondTicks seconds) {
        try {
            synchronized (lock) {
                seconds.upTo(clock.instant(), this::tickAt);
            }
        } catch (RuntimeException e) {
            LOG.error("encounter watch tick failed", e);
        }
    }

    private static LineSource live(WatchConfig.Source s) {
        return switch (s) {
            case WatchConfig.Source.Replay r -> throw new IllegalStateException("a replay is not a live feed");
            case WatchConfig.Source.TcpClient c -> new TcpClientSource(c.address(), Framing.of(c.format()));
            case WatchConfig.Source.TcpServer t -> new TcpServerSource(t.address(), Framing.of(t.format()));
            case WatchConfig.Source.Udp u -> new UdpSource(u.address());
        };
    }

    /** The watch's present: the recorded time when replaying, else the station's clock. */
    private Instant now() {
        return replayed.equals(Instant.EPOCH) ? clock.instant() : replayed;
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

    /** The figures of {@code alert}'s latest step as JSON: units, positions, and an encounter's CPA point and time. */
    public ObjectNode details(AlertRecord alert) {
        return json.of(alert.last());
    }

    public List<FeedStats> feeds() {
        List<FeedStats> out = new ArrayList<>();
        for (Feed f : feeds) {
            out.add(new FeedStats(f.description(), f.lines().getAsLong(), f.reader().stats().snapshot(), f.dropped().get()));
        }
        return out;
    }

    /** The notice this station would send for alert {@code id}: an encounter notice, or a zone-entry notice. */
    public MessageContent.Template notice(String id) {
        AlertRecord r;
        synchronized (lock) {
            r = alerts.get(id);
        }
        if (r == null) {
            throw new StationException("no alert '" + id + "'; see 'macm alerts'");
        }
        if (r.last().alert() instanceof SafetyAlert) {
            throw new StationException("alert '" + id + "' is a safety message as its sender wrote it; there is no notice "
                    + "to send for it: answer with a message of your own ('macm send --template' or --text)");
        }
        return r.draft().flatMap(d -> notices.notice(d, config.side())).orElseThrow(() -> new StationException(
                "alert '" + id + "' is about units of neither this side nor the other; there is no notice to send"));
    }

    public Collection<String> sources() {
        return feeds.stream().map(Feed::description).toList();
    }

    @Override
    public void close() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        ticker.shutdownNow();
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing a feed of the encounter watch: {}", e.getMessage());
            }
        }
    }
}
