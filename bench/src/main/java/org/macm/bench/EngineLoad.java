package org.macm.bench;

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
 * aircraft) spread over a 30 x 30 degree box of the western Pacific, each update moving one
 * track a little. Updates per second on one thread, and p99 of the time from an update to
 * its alerts (the engine emits them before {@code update} returns), for the grid engine
 * and the naive all-pairs engine in the same run.
 */
final class EngineLoad {
    record Result(String engine, int tracks, long updates, double seconds, double p99Micros, int activeAlerts) {
        double perSecond() {
            return updates / seconds;
        }
    }

    private final double seconds;

    EngineLoad(double seconds) {
        this.seconds = seconds;
    }

    Result run(boolean grid, int n) {
        EncounterConfig config = EncounterConfig.defaults(Parties.of("JP", "CN"));
        EncounterEngine engine = grid ? new GridEncounterEngine(config) : new NaiveEncounterEngine(config);
        Random random = new Random(n);
        Instant t0 = Instant.parse("2026-11-29T03:00:00Z");
        Side[] sides = {Side.of("JP"), Side.of("CN"), Side.THIRD};
        TrackState[] tracks = new TrackState[n];
        for (int i = 0; i < n; i++) {
            boolean air = random.nextInt(20) == 0;
            Side side = sides[i % 3];
            Unit unit = air
                    ? new Unit(List.of(new Identifier.Icao24(0x100000 + i)), side, "A" + i, "aircraft", UnitKind.AIRCRAFT, true)
                    : new Unit(List.of(new Identifier.Mmsi(200_000_000 + i)), side, "V" + i, "vessel", UnitKind.VESSEL, true);
            GeoPoint p = new GeoPoint(10 + random.nextDouble() * 30, 115 + random.nextDouble() * 30);
            tracks[i] = air
                    ? new TrackState(unit, UnitKind.AIRCRAFT, p, t0, random.nextDouble() * 360, 250 + random.nextInt(200),
                            OptionalDouble.of(5_000 + random.nextInt(30_000)), 0, TrackSource.ADSB, Optional.empty(), Optional.empty())
                    : new TrackState(unit, UnitKind.VESSEL, p, t0, random.nextDouble() * 360, 5 + random.nextInt(20),
                            OptionalDouble.empty(), 0, TrackSource.AIS, Optional.empty(), Optional.empty());
            engine.update(tracks[i], e -> { });
        }
        int[] alerts = new int[1];
        List<Long> samples = new ArrayList<>();
        long updates = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        Instant now = t0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 1000; k++) {
                int i = random.nextInt(n);
                TrackState s = tracks[i];
                now = now.plusMillis(Math.max(1, 10_000 / n));
                GeoPoint moved = new GeoPoint(s.position().latitude() + (random.nextDouble() - 0.5) * 0.002,
                        s.position().longitude() + (random.nextDouble() - 0.5) * 0.002);
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
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] / 1e3;
        return new Result(grid ? "grid" : "naive", n, updates, elapsed, p99, engine.active().size());
    }

    static String row(Result r) {
        return String.format(Locale.ROOT, "  %-6s %7d tracks  %10.0f updates/s  p99 update->alert %9.1f us  (%d updates in %.1f s, %d alerts active)",
                r.engine(), r.tracks(), r.perSecond(), r.p99Micros(), r.updates(), r.seconds(), r.activeAlerts());
    }
}
