package org.macm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The link's benchmarks, in one run: the durable signed round trip of MACM beside Mosquitto's
 * QoS 2 request/reply (same machine, same rate, same payload size, same percentiles, same
 * definition of sustained), then link failure detection and the cost of losing one path.
 */
final class LinkBench {
    private final boolean quick;
    private final Path dir;
    static final Duration FIXED_DRAIN = Duration.ofSeconds(30);
    static final Duration RAMP_DRAIN = Duration.ofSeconds(10);
    static final double RAMP_START = 50;
    static final double RAMP_FACTOR = 1.6;
    /** Failover is measured at a rate the link carries without a queue, so that the break shows. */
    static final double FAILOVER_RATE = 50;

    private final double fixedRate = 200;
    private final double fixedSeconds;
    private final double warmSeconds;
    private final double stepSeconds;
    private final int bisections;

    LinkBench(boolean quick, Path dir) {
        this.quick = quick;
        this.dir = dir;
        this.fixedSeconds = quick ? 6 : 30;
        // Both systems are measured warm: a station runs for months, and in the first seconds the
        // JIT compiler alone takes a third of these two cores (measured with async-profiler).
        this.warmSeconds = quick ? 10 : 20;
        this.stepSeconds = quick ? 2 : 5;
        this.bisections = quick ? 1 : 2;
    }

    /** What one system did: the fixed-rate step and the ramp. */
    record Result(String name, OpenLoop.Step fixed, OpenLoop.Ramp ramp) {
    }

    void run() throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "Durable round trip at a fixed %.0f/s for %.0f s (open loop, latency from each "
                + "message's due time), then a ramp (%.0f s steps; sustained = all delivered, >= %.0f%% of the offer, "
                + "p99 <= %.0f ms)%n", fixedRate, fixedSeconds, stepSeconds, OpenLoop.SUSTAINED_FRACTION * 100,
                OpenLoop.SUSTAINED_P99_MILLIS);
        Result macm;
        int entrySize;
        OpenLoop.Step fixed;
        try (MacmLink link = MacmLink.start(Files.createDirectories(dir.resolve("macm")), 1, false, Duration.ofSeconds(2), 3);
                MacmLink.RoundTrips rt = link.roundTrips()) {
            entrySize = link.entrySize();
            System.out.printf(Locale.ROOT, "  MACM: jp-mod -> cn-mnd over TLS 1.3 on loopback, one path, entry %d bytes "
                    + "signed (Ed25519) and fsynced at both ends, receipt signed and fsynced back%n", entrySize);
            fixed = fixed(rt);
            System.out.printf(Locale.ROOT, "    (jp-mod's log to cn-mnd now holds %d entries)%n", rt.logLength());
        }
        // The ramp starts from empty logs again, so the fixed run's history does not weigh on it.
        settleDisk();
        try (MacmLink link = MacmLink.start(Files.createDirectories(dir.resolve("macm-ramp")), 1, false, Duration.ofSeconds(2), 3);
                MacmLink.RoundTrips rt = link.roundTrips()) {
            macm = new Result("MACM", fixed, ramp(rt));
            System.out.printf(Locale.ROOT, "    (jp-mod's log to cn-mnd now holds %d entries)%n", rt.logLength());
        }
        OpenLoop.Step twoPaths;
        settleDisk();
        try (MacmLink link = MacmLink.start(Files.createDirectories(dir.resolve("macm-2paths")), 2, false, Duration.ofSeconds(2), 3);
                MacmLink.RoundTrips rt = link.roundTrips()) {
            OpenLoop.run(rt, fixedRate, warmSeconds, FIXED_DRAIN);
            rt.settle(OpenLoop.SETTLE);
            twoPaths = OpenLoop.run(rt, fixedRate, fixedSeconds, FIXED_DRAIN);
            System.out.println("    two paths (every entry sent on both), fixed rate: " + twoPaths);
        }

        settleDisk();
        Optional<Result> mosquitto = Optional.empty();
        Optional<Path> binary = MosquittoRoundTrip.binary();
        if (binary.isEmpty()) {
            System.out.println("  Mosquitto: SKIPPED, the mosquitto binary is not installed (bench/run.sh installs the "
                    + "Debian package with apt-get; it could not here)");
        } else {
            System.out.printf(Locale.ROOT, "  Mosquitto (%s, persistence on, autosave_interval 1 s): QoS 2 publish -> "
                    + "subscriber -> QoS 2 reply, %d-byte payload, Paho clients in this JVM%n", binary.get(), entrySize);
            try (MosquittoRoundTrip rt = MosquittoRoundTrip.start(binary.get(),
                    Files.createDirectories(dir.resolve("mosquitto")), entrySize)) {
                mosquitto = Optional.of(new Result("Mosquitto", fixed(rt), ramp(rt)));
                if (rt.errors() > 0) {
                    System.out.println("    MQTT publish errors: " + rt.errors());
                }
            } catch (MqttException | IOException e) {
                System.out.println("  Mosquitto: SKIPPED, it could not be started: " + e);
            }
        }
        settleDisk();
        Latency floor = FsyncFloor.fourInARow(dir.resolve("fsync"), quick ? 1000 : 3000, 5000);
        System.out.println("  Floor: four fsyncs in a row (4 KiB appends, two files, nothing else running): " + floor);
        table(macm, mosquitto, floor);

        System.out.println();
        System.out.println("Link failure detection: both paths broken at once, time until jp-mod reports DOWN");
        int trials = quick ? 2 : 5;
        for (Duration hb : List.of(Duration.ofSeconds(2), Duration.ofMillis(200))) {
            for (LinkFailover.Detection d : LinkFailover.detect(dir.resolve("detect-" + hb.toMillis()), hb, 3, trials)) {
                System.out.printf(Locale.ROOT, "  %-9s heartbeat %5s x %d (limit %5d ms):  %s%n", d.fault(), d.heartbeat(),
                        d.misses(), hb.toMillis() * d.misses(), d.summary());
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Failover cost: two paths, %.0f/s, one path broken halfway; latency of messages "
                + "due before vs in the %.0f s after%n", FAILOVER_RATE, LinkFailover.WINDOW_SECONDS);
        settleDisk();
        for (LinkFailover.Failover f : LinkFailover.failover(dir.resolve("failover"), FAILOVER_RATE, quick ? 8 : 20)) {
            System.out.printf(Locale.ROOT, "  %-9s before: p50 %6.2f  p99 %6.2f  max %7.2f ms | after: p50 %6.2f  "
                    + "p99 %6.2f  max %7.2f ms | extra p99 %+7.2f ms, extra max %+7.2f ms, lost %d%n", f.fault(),
                    f.before().millis(0.5), f.before().millis(0.99), f.before().maxMillis(), f.window().millis(0.5),
                    f.window().millis(0.99), f.window().maxMillis(), f.window().millis(0.99) - f.before().millis(0.99),
                    f.window().maxMillis() - f.before().maxMillis(), f.lost());
        }
    }

    /**
     * Writes back what the previous part left dirty before the next part is measured: the
     * ramp alone leaves hundreds of MB of database pages, and their writeback should not land
     * on the next part's fsyncs. (It did not remove the 100-400 ms stalls: this disk stalls
     * with nothing else running too; see the fsync floor.)
     */
    private static void settleDisk() throws IOException, InterruptedException {
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        if (!sync.waitFor(120, TimeUnit.SECONDS)) {
            sync.destroy();
        }
        Thread.sleep(1000);
    }

    private OpenLoop.Step fixed(OpenLoop.Target rt) throws InterruptedException {
        OpenLoop.run(rt, fixedRate, warmSeconds, FIXED_DRAIN);
        if (!rt.settle(OpenLoop.SETTLE)) {
            System.out.println("    (the warm-up's backlog did not clear within " + OpenLoop.SETTLE.toSeconds() + " s)");
        }
        OpenLoop.Step fixed;
        try (JvmCost cost = JvmCost.start()) {
            fixed = OpenLoop.run(rt, fixedRate, fixedSeconds, FIXED_DRAIN);
            System.out.println("    fixed rate: " + fixed);
            System.out.println("      this JVM: " + cost.spent().perRoundTrip(fixed.latency().count(), fixedSeconds));
        }
        System.out.println("      p99 (ms) by fifth of the run: " + fixed.trend(5));
        if (!rt.settle(OpenLoop.SETTLE)) {
            System.out.println("    (the fixed run's backlog did not clear within " + OpenLoop.SETTLE.toSeconds() + " s)");
        }
        return fixed;
    }

    private OpenLoop.Ramp ramp(OpenLoop.Target rt) throws InterruptedException {
        OpenLoop.run(rt, fixedRate, warmSeconds, FIXED_DRAIN);
        rt.settle(OpenLoop.SETTLE);
        OpenLoop.Ramp ramp = OpenLoop.ramp(rt, RAMP_START, RAMP_FACTOR, stepSeconds, 16, bisections, RAMP_DRAIN,
                Duration.ofMillis(500));
        for (OpenLoop.Step s : ramp.steps()) {
            System.out.println("    ramp:       " + s + (s.sustained() ? "" : "  (not sustained)"));
        }
        System.out.printf(Locale.ROOT, "    highest sustained rate: %.0f/s%n", ramp.sustained());
        return ramp;
    }

    private void table(Result macm, Optional<Result> mosquitto, Latency floor) {
        System.out.println();
        System.out.printf(Locale.ROOT, "  %-34s %12s %12s %12s%n", "durable round trip", "MACM", "Mosquitto",
                "MACM/Mosq.");
        row("p50 at " + (int) fixedRate + "/s (ms)", macm.fixed().latency().millis(0.5),
                mosquitto.map(m -> m.fixed().latency().millis(0.5)));
        row("p99 at " + (int) fixedRate + "/s (ms)", macm.fixed().latency().millis(0.99),
                mosquitto.map(m -> m.fixed().latency().millis(0.99)));
        row("p99.9 at " + (int) fixedRate + "/s (ms)", macm.fixed().latency().millis(0.999),
                mosquitto.map(m -> m.fixed().latency().millis(0.999)));
        System.out.printf(Locale.ROOT, "  %-34s %12s   (four fsyncs in a row: p50 %.2f, p99 %.2f, p99.9 %.2f ms; no "
                + "durable round trip here beats them)%n", "floor for MACM", "", floor.millis(0.5), floor.millis(0.99),
                floor.millis(0.999));
        row("highest sustained rate (/s)", macm.ramp().sustained(), mosquitto.map(m -> m.ramp().sustained()));
        row("CPU per round trip at " + (int) fixedRate + "/s (us)", macm.fixed().cpuMicrosPerRoundTrip(),
                mosquitto.map(m -> m.fixed().cpuMicrosPerRoundTrip()));
        System.out.println("  (latency: lower is better, a ratio under 1 favours MACM; rate: a ratio over 1 favours MACM)");
    }

    private static void row(String label, double macm, Optional<Double> mosquitto) {
        String fmt = macm >= 100 ? "%12.0f" : "%12.2f";
        System.out.printf(Locale.ROOT, "  %-34s " + fmt + " %12s %12s%n", label, macm,
                mosquitto.map(m -> String.format(Locale.ROOT, fmt, m).trim()).orElse("skipped"),
                mosquitto.map(m -> String.format(Locale.ROOT, "%.2f", macm / m)).orElse("-"));
    }
}
