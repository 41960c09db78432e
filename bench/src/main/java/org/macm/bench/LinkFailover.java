package org.macm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.macm.link.LinkState;
import org.macm.testkit.FaultProxy;

/**
 * Link failure detection and failover cost, through one {@link FaultProxy} per path.
 *
 * <ul>
 *   <li><b>Detection</b>: with both paths UP and the link idle, break both paths at once and
 *       time until jp-mod reports the link DOWN (polled every millisecond). A cut (reset) is
 *       seen by the socket at once; a blackhole only by heartbeat silence.
 *   <li><b>Failover</b>: under a steady open-loop load, break one of the two paths halfway
 *       through and compare round-trip latency for messages due before the break with those
 *       due in the {@value #WINDOW_SECONDS} s after it.
 * </ul>
 */
final class LinkFailover {
    static final double WINDOW_SECONDS = 2;

    enum Fault { CUT, BLACKHOLE }

    /** Times until DOWN, in milliseconds, for one fault and heartbeat setting. */
    record Detection(Fault fault, String heartbeat, int misses, List<Long> millis) {
        String summary() {
            List<Long> s = millis.stream().sorted().toList();
            return s.isEmpty() ? "no trial completed" : String.format(Locale.ROOT,
                    "min %5d ms  median %5d ms  max %5d ms  (%d trials)", s.get(0), s.get(s.size() / 2),
                    s.get(s.size() - 1), s.size());
        }
    }

    /** Latencies before one path broke, and in the window after. */
    record Failover(Fault fault, Latency before, Latency window, Latency after, int lost) {
    }

    private LinkFailover() {
    }

    static List<Detection> detect(Path dir, Duration interval, int misses, int trials) throws IOException,
            InterruptedException {
        List<Detection> out = new ArrayList<>();
        String heartbeat = interval.toMillis() + "ms";
        try (MacmLink link = MacmLink.start(Files.createDirectories(dir), 2, true, interval, misses)) {
            for (Fault fault : Fault.values()) {
                List<Long> times = new ArrayList<>();
                for (int t = 0; t < trials; t++) {
                    if (!link.awaitState(LinkState.UP, Duration.ofSeconds(40))) {
                        System.out.println("    (link did not come back UP within 40 s; trial skipped)");
                        continue;
                    }
                    // Start at a random point of the heartbeat cycle, as a real outage would.
                    Thread.sleep(ThreadLocalRandom.current().nextLong(interval.toMillis()));
                    long start = System.nanoTime();
                    for (FaultProxy p : link.proxies()) {
                        if (fault == Fault.CUT) {
                            p.cut();
                        } else {
                            p.blackhole();
                        }
                    }
                    boolean down = link.awaitState(LinkState.DOWN, Duration.ofSeconds(30));
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    link.proxies().forEach(FaultProxy::heal);
                    if (down) {
                        times.add(millis);
                    }
                }
                out.add(new Detection(fault, heartbeat, misses, times));
            }
        }
        return out;
    }

    static List<Failover> failover(Path dir, double rate, double seconds) throws IOException, InterruptedException {
        List<Failover> out = new ArrayList<>();
        try (MacmLink link = MacmLink.start(Files.createDirectories(dir), 2, true, Duration.ofSeconds(2), 3);
                MacmLink.RoundTrips rt = link.roundTrips()) {
            OpenLoop.run(rt, rate, 2, Duration.ofSeconds(10)); // warm-up
            for (Fault fault : Fault.values()) {
                rt.settle(OpenLoop.SETTLE);
                if (!link.awaitState(LinkState.UP, Duration.ofSeconds(40))) {
                    System.out.println("    (link did not come back UP within 40 s; " + fault + " skipped)");
                    continue;
                }
                FaultProxy victim = link.proxies().get(0);
                AtomicLong brokeAt = new AtomicLong();
                OpenLoop.Step step = OpenLoop.run(rt, rate, seconds, Duration.ofSeconds(20), () -> {
                    brokeAt.set(System.nanoTime());
                    if (fault == Fault.CUT) {
                        victim.cut();
                    } else {
                        victim.blackhole();
                    }
                });
                victim.heal();
                long cut = brokeAt.get();
                long windowEnd = cut + (long) (WINDOW_SECONDS * 1e9);
                List<Long> before = new ArrayList<>();
                List<Long> window = new ArrayList<>();
                List<Long> after = new ArrayList<>();
                int lost = 0;
                for (int i = 0; i < step.sent(); i++) {
                    if (step.done(i) == 0) {
                        lost++;
                        continue;
                    }
                    long latency = step.done(i) - step.due(i);
                    (step.due(i) < cut ? before : step.due(i) < windowEnd ? window : after).add(latency);
                }
                out.add(new Failover(fault, latency(before), latency(window), latency(after), lost));
            }
        }
        return out;
    }

    private static Latency latency(List<Long> nanos) {
        return Latency.of(nanos.stream().mapToLong(Long::longValue).toArray());
    }
}
