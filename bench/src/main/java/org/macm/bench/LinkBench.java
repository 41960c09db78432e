package org.macm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The link's benchmarks, in one run: the durable signed round trip of MACM beside Mosquitto's
 * QoS 2 request/reply (no fsync) and RabbitMQ's quorum-queue request/reply with publisher
 * confirms (fsync before each confirm), on the same machine, rate, payload size, percentiles
 * and definition of sustained, with the fsync floor and the latency issue's goals; then link
 * failure detection and the cost of losing one path.
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
                    + "signed (Ed25519) and fsynced at jp-mod, stored at cn-mnd with its signed receipt in one commit (one "
                    + "fsync), the round trip ends when jp-mod has verified the receipt%n", entrySize);
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
        Optional<Result> rabbit = Optional.empty();
        if (RabbitRoundTrip.binary().isEmpty()) {
            System.out.println("  RabbitMQ: SKIPPED, rabbitmq-server is not installed (bench/run.sh installs the Debian "
                    + "package with apt-get; it could not here)");
        } else {
            System.out.printf(Locale.ROOT, "  RabbitMQ (single node started by the bench, quorum queues: Raft log fsynced "
                    + "before each confirm): persistent publish with confirm -> consumer (manual ack after its reply "
                    + "is confirmed) -> persistent reply with confirm, %d-byte payload, amqp-client in this JVM%n",
                    entrySize);
            try (RabbitRoundTrip rt = RabbitRoundTrip.start(Files.createDirectories(dir.resolve("rabbitmq")),
                    entrySize)) {
                rabbit = Optional.of(new Result("RabbitMQ", fixed(rt), ramp(rt)));
                if (rt.errors() > 0) {
                    System.out.println("    AMQP publish errors and nacks: " + rt.errors());
                }
            } catch (IOException e) {
                System.out.println("  RabbitMQ: SKIPPED, it could not be started: " + e.getMessage());
            }
        }
        settleDisk();
        FsyncFloor.Floor floor = FsyncFloor.measure(dir.resolve("fsync"), quick ? 1000 : 3000, 5000);
        System.out.println("  Floor (4 KiB appends, two files, nothing else running): " + floor);
        if (floor.stalls() > 0) {
            System.out.printf(Locale.ROOT, "    DISK STALL: %d fsync(s) of the floor alone took over %.0f ms (slowest "
                    + "%.0f ms); tails (p99.9, max) of this run may be decided by the disk, not by the systems%n",
                    floor.stalls(), FsyncFloor.STALL_MILLIS, floor.slowestMillis());
        }
        table(macm, mosquitto, rabbit, floor);
        goals(macm, mosquitto, rabbit, floor);

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
    static void settleDisk() throws IOException, InterruptedException {
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        if (!sync.waitFor(120, TimeUnit.SECONDS)) {
            sync.destroy();
        }
        Thread.sleep(1000);
    }

    /** The rate of the fixed-rate step, per second. */
    double fixedRate() {
        return fixedRate;
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

    private void table(Result macm, Optional<Result> mosquitto, Optional<Result> rabbit, FsyncFloor.Floor floor) {
        System.out.println();
        System.out.printf(Locale.ROOT, "  %-34s %10s %10s %10s %11s %11s%n", "durable round trip", "MACM", "Mosquitto",
                "RabbitMQ", "MACM/Mosq.", "MACM/Rabbit");
        String at = " at " + (int) fixedRate + "/s";
        row("p50" + at + " (ms)", macm, mosquitto, rabbit, r -> r.fixed().latency().millis(0.5));
        row("p99" + at + " (ms)", macm, mosquitto, rabbit, r -> r.fixed().latency().millis(0.99));
        row("p99.9" + at + " (ms)", macm, mosquitto, rabbit, r -> r.fixed().latency().millis(0.999));
        System.out.printf(Locale.ROOT, "  %-34s two fsyncs in a row (MACM's path): p50 %.2f, p99 %.2f, p99.9 %.2f ms%n",
                "floor", floor.two().millis(0.5), floor.two().millis(0.99), floor.two().millis(0.999));
        System.out.printf(Locale.ROOT, "  %-34s four fsyncs in a row (the old path): p50 %.2f, p99 %.2f, p99.9 %.2f ms%n",
                "", floor.four().millis(0.5), floor.four().millis(0.99), floor.four().millis(0.999));
        row("highest sustained rate (/s)", macm, mosquitto, rabbit, r -> r.ramp().sustained());
        row("CPU per round trip" + at + " (us)", macm, mosquitto, rabbit, r -> r.fixed().cpuMicrosPerRoundTrip());
        System.out.println("  (latency, CPU: lower is better, a ratio under 1 favours MACM; rate: a ratio over 1 favours "
                + "MACM)");
    }

    private static void row(String label, Result macm, Optional<Result> mosquitto, Optional<Result> rabbit,
            ToDoubleFunction<Result> figure) {
        double m = figure.applyAsDouble(macm);
        String fmt = m >= 100 ? "%.0f" : "%.2f";
        System.out.printf(Locale.ROOT, "  %-34s %10s %10s %10s %11s %11s%n", label, String.format(Locale.ROOT, fmt, m),
                mosquitto.map(r -> String.format(Locale.ROOT, fmt, figure.applyAsDouble(r))).orElse("skipped"),
                rabbit.map(r -> String.format(Locale.ROOT, fmt, figure.applyAsDouble(r))).orElse("skipped"),
                mosquitto.map(r -> String.format(Locale.ROOT, "%.2f", m / figure.applyAsDouble(r))).orElse("-"),
                rabbit.map(r -> String.format(Locale.ROOT, "%.2f", m / figure.applyAsDouble(r))).orElse("-"));
    }

    /** Each goal of the latency issue, with MACM's figure, the bound it must meet, and whether it did. */
    private void goals(Result macm, Optional<Result> mosquitto, Optional<Result> rabbit, FsyncFloor.Floor floor) {
        System.out.println();
        System.out.println("  goals (issue 12), this run:");
        String at = " at " + (int) fixedRate + "/s";
        OpenLoop.Step m = macm.fixed();
        goal("p99" + at + " <= Mosquitto's p99", m.latency().millis(0.99),
                mosquitto.map(r -> r.fixed().latency().millis(0.99)), true, "ms");
        goal("p99.9" + at + " <= 2 x Mosquitto's p99.9", m.latency().millis(0.999),
                mosquitto.map(r -> 2 * r.fixed().latency().millis(0.999)), true, "ms");
        goal("p99" + at + " <= 1/2 x RabbitMQ's p99", m.latency().millis(0.99),
                rabbit.map(r -> r.fixed().latency().millis(0.99) / 2), true, "ms");
        goal("highest sustained rate >= RabbitMQ's", macm.ramp().sustained(), rabbit.map(r -> r.ramp().sustained()),
                false, "/s");
        goal("highest sustained rate >= 1.5 x Mosquitto's", macm.ramp().sustained(),
                mosquitto.map(r -> 1.5 * r.ramp().sustained()), false, "/s");
        goal("CPU per round trip" + at + " <= Mosquitto's", m.cpuMicrosPerRoundTrip(),
                mosquitto.map(r -> r.fixed().cpuMicrosPerRoundTrip()), true, "us");
        goal("p50" + at + " <= two-fsync floor's p50 + 0.5 ms", m.latency().millis(0.5),
                Optional.of(floor.two().millis(0.5) + 0.5), true, "ms");
        if (floor.stalls() > 0) {
            System.out.printf(Locale.ROOT, "    (the disk stalled during this run: %d fsync(s) over %.0f ms in the floor "
                    + "alone, slowest %.0f ms; a tail goal missed here may be the disk's doing)%n", floor.stalls(),
                    FsyncFloor.STALL_MILLIS, floor.slowestMillis());
        }
    }

    private static void goal(String what, double macm, Optional<Double> bound, boolean atMost, String unit) {
        String fmt = Math.abs(macm) >= 100 ? "%.0f %s" : "%.2f %s";
        if (bound.isEmpty()) {
            System.out.printf(Locale.ROOT, "    %-52s MACM " + fmt + "  vs  (yardstick skipped)%n", what, macm, unit);
            return;
        }
        double b = bound.get();
        boolean met = atMost ? macm <= b : macm >= b;
        System.out.printf(Locale.ROOT, "    %-52s MACM " + fmt + "  vs  bound " + fmt + "  %s%n", what, macm, unit, b,
                unit, met ? "met" : "NOT met");
    }
}
