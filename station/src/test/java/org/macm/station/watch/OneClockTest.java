package org.macm.station.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.testkit.Await.await;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.feed.FeedFormat;
import org.macm.station.cli.CliRun;
import org.macm.station.config.WatchConfig;
import org.macm.station.demo.ScenarioGenerator;
import org.macm.station.feed.FeedTimes;
import org.macm.template.Catalog;
import org.macm.testkit.FreePort;
import org.macm.testkit.TestClock;

/**
 * One scenario, one set of alerts, whoever plays it: {@code macm watch --scenario}, a
 * station's {@code [watch]} replay as fast as possible and paced, and the same lines fed live
 * over TCP to a station whose clock is the recorded present. Each alert's last line (its
 * CLEARED step: time, figures, reason, id) must be the same in all four.
 */
class OneClockTest {
    @TempDir
    static Path tmp;

    static Path scenario;
    static java.util.SortedMap<String, String> byCli;

    @BeforeAll
    static void theCliWatch() {
        scenario = tmp.resolve("scenario");
        CliRun r = CliRun.run("watch", "--scenario", scenario.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        byCli = new TreeMap<>();
        r.out().lines().filter(l -> l.contains("  CLEARED  "))
                .forEach(l -> byCli.put(l.substring(l.lastIndexOf('{') + 1, l.length() - 1), l));
        assertThat(byCli.values()).as("the scenario's three alerts, each cleared").hasSize(3)
                .anyMatch(l -> l.contains("air encounter: JP JMSDF P-3C 5101 and CN PLAN Y-9 9011"))
                .anyMatch(l -> l.contains("surface encounter: JP JS KIRISAME and CN PLAN NANCHANG"))
                .anyMatch(l -> l.contains("zone entry: JP JMSDF P-3C 5101 inside PLAN exercise area"));
    }

    private static WatchConfig config(List<WatchConfig.Source> sources) {
        return new WatchConfig(scenario.resolve("units.toml"), Optional.of(scenario.resolve("zones.geojson")), "JP", "CN",
                sources, WatchConfig.Thresholds.DEFAULTS, Optional.empty());
    }

    private static List<WatchConfig.Source> replays(double speed) {
        return List.of(new WatchConfig.Source.Replay(FeedFormat.AIS, scenario.resolve("ecs.aivdm"), speed),
                new WatchConfig.Source.Replay(FeedFormat.SBS, scenario.resolve("ecs.sbs"), speed));
    }

    private static java.util.SortedMap<String, String> lastLines(WatchService w) {
        TreeMap<String, String> out = new TreeMap<>();
        for (WatchService.AlertRecord a : w.alerts()) {
            out.put(a.id(), AlertText.line(a.last()));
        }
        return out;
    }

    private static boolean allCleared(WatchService w) {
        return w.alerts().size() >= 3 && w.alerts().stream().allMatch(a -> a.last() instanceof AlertEvent.Cleared);
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void stationReplay_asFastAsPossible_raisesWhatTheCliRaises_theAirEncounterToo() throws Exception {
        try (WatchService w = new WatchService(config(replays(0)), Catalog.builtIn(), Clock.systemUTC()).start()) {
            await("every alert cleared", Duration.ofSeconds(40), () -> allCleared(w) && replayedAll(w), () -> lastLines(w));
            assertThat(lastLines(w)).isEqualTo(byCli);
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void stationReplay_at300TimesTheRecordedPace_raisesWhatTheCliRaises() throws Exception {
        try (WatchService w = new WatchService(config(replays(300)), Catalog.builtIn(), Clock.systemUTC()).start()) {
            await("every alert cleared", Duration.ofSeconds(50), () -> allCleared(w) && replayedAll(w), () -> lastLines(w));
            assertThat(lastLines(w)).isEqualTo(byCli);
        }
    }

    private static boolean replayedAll(WatchService w) {
        try {
            long lines = (long) Files.readAllLines(scenario.resolve("ecs.aivdm")).size()
                    + Files.readAllLines(scenario.resolve("ecs.sbs")).size();
            return w.feeds().stream().mapToLong(WatchService.FeedStats::lines).sum() == lines;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A recorded line, the socket it goes to, and its recorded time (a line without one: its file's last). */
    private record Line(String text, int feed, Instant time) {
    }

    private static List<Line> lines(Path file, int feed, Function<String, Optional<Instant>> timeOf) throws Exception {
        List<Line> out = new ArrayList<>();
        Instant last = Instant.EPOCH;
        for (String text : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            last = timeOf.apply(text).orElse(last);
            out.add(new Line(text, feed, last));
        }
        return out;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void fedLive_onAClockAtTheRecordedPresent_raisesWhatTheCliRaises() throws Exception {
        List<Line> all = new ArrayList<>(lines(scenario.resolve("ecs.aivdm"), 0, FeedTimes.of(FeedFormat.AIS)));
        all.addAll(lines(scenario.resolve("ecs.sbs"), 1, FeedTimes.of(FeedFormat.SBS)));
        all.sort(Comparator.comparing(Line::time)); // stable: a tie goes to the AIS file, as in a replay
        TestClock clock = TestClock.standingAt(all.get(0).time());
        List<Integer> ports = FreePort.loopback(2);
        InetAddress lo = InetAddress.getLoopbackAddress();
        WatchConfig live = config(List.of(new WatchConfig.Source.TcpServer(FeedFormat.AIS, new InetSocketAddress(lo, ports.get(0))),
                new WatchConfig.Source.TcpServer(FeedFormat.SBS, new InetSocketAddress(lo, ports.get(1)))));
        try (WatchService w = new WatchService(live, Catalog.builtIn(), clock).start();
                Socket ais = new Socket(lo, ports.get(0)); Socket sbs = new Socket(lo, ports.get(1))) {
            OutputStream[] out = {ais.getOutputStream(), sbs.getOutputStream()};
            long sent = 0;
            int lastFeed = -1;
            for (Line l : all) {
                boolean nextSecond = l.time().truncatedTo(ChronoUnit.SECONDS).isAfter(clock.instant().truncatedTo(ChronoUnit.SECONDS));
                if (nextSecond || l.feed() != lastFeed) {
                    // The station has read everything sent before the clock moves on, or before the other socket speaks.
                    consumed(w, sent);
                }
                if (l.time().isAfter(clock.instant())) {
                    clock.set(l.time());
                }
                out[l.feed()].write((l.text() + "\n").getBytes(StandardCharsets.ISO_8859_1));
                out[l.feed()].flush();
                sent++;
                lastFeed = l.feed();
            }
            consumed(w, sent);
            clock.set(clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
            await("every alert cleared", Duration.ofSeconds(20), () -> allCleared(w), () -> lastLines(w));
            Thread.sleep(1200); // a tick of the station's own ticker, which must change nothing
            assertThat(lastLines(w)).isEqualTo(byCli);
        }
    }

    private static void consumed(WatchService w, long sent) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (w.feeds().stream().mapToLong(WatchService.FeedStats::lines).sum() < sent) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the station read " + w.feeds() + " of " + sent + " lines sent");
            }
            LockSupport.parkNanos(20_000);
        }
    }
}
