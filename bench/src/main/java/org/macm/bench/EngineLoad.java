package org.macm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.engine.EncounterConfig;
import org.macm.encounter.engine.EncounterEngine;
import org.macm.encounter.engine.GridEncounterEngine;
import org.macm.encounter.engine.NaiveEncounterEngine;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.track.TrackSource;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Identifier;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.unit.Side;
import org.macm.encounter.unit.Unit;

/**
 * The encounter engine under load: N live tracks (a third each JP, CN and third parties, 5 %
 * aircraft), each update moving one track a little. Updates per second on one thread (by the
 * clock and per second of the thread's own CPU time, which other processes on a shared
 * machine do not inflate), and p99 of the time from an update to its alerts (the engine
 * emits them before {@code update} returns), for the grid engine and the naive all-pairs
 * engine in the same run. Two places: {@link Area#PACIFIC_BOX}, a 30 x 30 degree box of the
 * western Pacific with third parties not watched (as issue 5 measured it), and
 * {@link Area#WORLD}, the whole sea from 60 S to 70 N with third parties watched too, so the
 * engine holds every track (issue 13: every ship and aircraft in the world at once).
 */
final class EngineLoad {
    /** Where the tracks are and who is watched. */
    enum Area {
        PACIFIC_BOX, WORLD
    }

    record Result(String engine, Area area, int tracks, int held, long updates, double seconds, double cpuSeconds,
            double p99Micros, int activeAlerts, double heapMb) {
        double perSecond() {
            return updates / seconds;
        }

        double perCpuSecond() {
            return updates / cpuSeconds;
        }
    }

    private final double seconds;

    EngineLoad(double seconds) {
        this.seconds = seconds;
    }

    Result run(boolean grid, int n) {
        return run(grid, n, Area.PACIFIC_BOX);
    }

    Result run(boolean grid, int n, Area area) {
        boolean world = area == Area.WORLD;
        EncounterConfig config = EncounterConfig.defaults(new Parties(Side.of("JP"), Side.of("CN"), world));
        long heapBefore = heapUsed();
        EncounterEngine engine = grid ? new GridEncounterEngine(config) : new NaiveEncounterEngine(config);
        Random random = new Random(n);
        Instant t0 = Instant.parse("2026-11-29T03:00:00Z");
        Side[] sides = {Side.of("JP"), Side.of("CN"), Side.THIRD};
        TrackState[] tracks = new TrackState[n];
        // uniform over the area of the sphere between these latitudes
        double sinSouth = Math.sin(Math.toRadians(-60));
        double sinNorth = Math.sin(Math.toRadians(70));
        for (int i = 0; i < n; i++) {
            boolean air = random.nextInt(20) == 0;
            Side side = sides[i % 3];
            Unit unit = air
                    ? new Unit(List.of(new Identifier.Icao24(0x100000 + i)), side, "A" + i, "aircraft", UnitKind.AIRCRAFT, true)
                    : new Unit(List.of(new Identifier.Mmsi(200_000_000 + i)), side, "V" + i, "vessel", UnitKind.VESSEL, true);
            GeoPoint p = world
                    ? new GeoPoint(Math.toDegrees(Math.asin(sinSouth + random.nextDouble() * (sinNorth - sinSouth))),
                            -180 + random.nextDouble() * 360)
                    : new GeoPoint(10 + random.nextDouble() * 30, 115 + random.nextDouble() * 30);
            tracks[i] = air
                    ? new TrackState(unit, UnitKind.AIRCRAFT, p, t0, random.nextDouble() * 360, 250 + random.nextInt(200),
                            OptionalDouble.of(5_000 + random.nextInt(30_000)), 0, TrackSource.ADSB, Optional.empty(), Optional.empty())
                    : new TrackState(unit, UnitKind.VESSEL, p, t0, random.nextDouble() * 360, 5 + random.nextInt(20),
                            OptionalDouble.empty(), 0, TrackSource.AIS, Optional.empty(), Optional.empty());
            engine.update(tracks[i], e -> { });
        }
        // what the engine holds for its tracks and alerts (with the states it references)
        double heapMb = (heapUsed() - heapBefore) / 1e6;
        int[] alerts = new int[1];
        List<Long> samples = new ArrayList<>();
        long updates = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        Instant now = t0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 1000; k++) {
                int i = random.nextInt(n);
                TrackState s = tracks[i];
                now = now.plusMillis(Math.max(1, 10_000 / n));
                GeoPoint moved = new GeoPoint(s.position().latitude() + (random.nextDouble() - 0.5) * 0.002,
                        wrap(s.position().longitude() + (random.nextDouble() - 0.5) * 0.002));
                TrackState next = new TrackState(s.unit(), s.kind(), moved, now, s.courseDegrees(), s.speedKnots(),
                        s.altitudeFeet(), 0, s.source(), Optional.empty(), Optional.empty());
                tracks[i] = next;
                long a = System.nanoTime();
                engine.update(next, e -> alerts[0]++);
                if ((updates & 63) == 0) {
                    samples.add(System.nanoTime() - a);
                }
                updates++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] / 1e3;
        return new Result(grid ? "grid" : "naive", area, n, engine.size(), updates, elapsed, cpu, p99, engine.active().size(),
                heapMb);
    }

    static String row(Result r) {
        return String.format(Locale.ROOT, "  %-6s %-11s %8d tracks (%d held)  %9.0f updates/s (%.0f per CPU s)  p99 update->alert %8.1f us"
                + "  (%d updates in %.1f s, %d alerts active, heap %.0f MB)",
                r.engine(), r.area() == Area.WORLD ? "world" : "pacific-box", r.tracks(), r.held(), r.perSecond(), r.perCpuSecond(),
                r.p99Micros(), r.updates(), r.seconds(), r.activeAlerts(), r.heapMb());
    }

    private static double wrap(double lon) {
        return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    }

    /** Heap in use after a full collection, bytes: what is live. */
    private static long heapUsed() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
