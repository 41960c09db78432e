package org.macm.encounter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.geo.Earth;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.unit.Side;
import org.macm.encounter.unit.Unit;

/**
 * The spatial index must change the cost, never the answer: on random scenarios (ships and
 * aircraft of both parties and third parties, clustered so that encounters happen, anywhere
 * including across 180° and near the poles, with fixes, ticks and removals in random order)
 * the grid engine emits exactly the events the naive engine emits, step by step.
 */
class EngineEquivalenceTest {
    private static final Side[] SIDES = {Fixes.JP, Fixes.CN, Side.THIRD};

    @Property(tries = 60)
    void gridEngine_emitsExactlyTheNaiveEnginesEvents(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 60) int units,
            @ForAll @DoubleRange(min = -88, max = 88) double centreLat,
            @ForAll @DoubleRange(min = -180, max = 180) double centreLon,
            @ForAll @DoubleRange(min = 1, max = 60) double spreadNm,
            @ForAll @DoubleRange(min = 1, max = 40) double cellNm,
            @ForAll boolean thirdParties) {
        int raised = replay(seed, units, 400, new GeoPoint(centreLat, centreLon), spreadNm, cellNm, thirdParties);
        Statistics.collect(raised > 0 ? "alerts raised" : "no alert");
        // most scenarios must exercise the lifecycle, or the equivalence says little
        Statistics.coverage(c -> c.check("alerts raised").percentage(p -> p >= 50));
    }

    /**
     * Crowds, as the engine meets them at a million tracks: hundreds of units within a few
     * cells, so that cells hold many tracks, reaches cut through them and every update finds
     * several candidates. Fixed seeds, so a failure is found again by anyone.
     */
    @Example
    void gridEngine_emitsExactlyTheNaiveEnginesEvents_inCrowdsOfHundreds() {
        long[] seeds = {13L, 2026L, 0x5EEDL};
        int raised = 0;
        for (long seed : seeds) {
            raised += replay(seed, 300, 1500, new GeoPoint(25, 130), 40, 5, seed != 13L);
        }
        // enough raised alerts that the lifecycle (updates, clears, lost tracks) is exercised
        assertThat(raised).isGreaterThan(100);
    }

    /** Runs one random scenario through both engines, asserting equal events at every step; the number of alerts raised. */
    private static int replay(long seed, int units, int steps, GeoPoint centre, double spreadNm, double cellNm,
            boolean thirdParties) {
        Parties parties = new Parties(Fixes.JP, Fixes.CN, thirdParties);
        EncounterConfig config = EncounterConfig.defaults(parties).withCellSizeNm(cellNm);
        EncounterEngine grid = new GridEncounterEngine(config);
        EncounterEngine naive = new NaiveEncounterEngine(config);
        Random r = new Random(seed);
        List<Unit> pool = new ArrayList<>();
        List<TrackState> last = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            Side side = SIDES[r.nextInt(SIDES.length)];
            boolean air = r.nextInt(3) == 0;
            pool.add(air ? Fixes.plane(side, 0x100000 + i) : Fixes.ship(side, 400_000_000 + i));
            last.add(null);
        }
        Instant t = Fixes.T0;
        int raised = 0;
        for (int step = 0; step < steps; step++) {
            t = t.plusMillis(r.nextInt(4000));
            List<String> fromGrid = new ArrayList<>();
            List<String> fromNaive = new ArrayList<>();
            int action = r.nextInt(20);
            if (action == 0) {
                grid.tick(t, e -> fromGrid.add(describe(e)));
                naive.tick(t, e -> fromNaive.add(describe(e)));
            } else if (action == 1) {
                int i = r.nextInt(units);
                grid.remove(pool.get(i).identifiers().get(0), t, e -> fromGrid.add(describe(e)));
                naive.remove(pool.get(i).identifiers().get(0), t, e -> fromNaive.add(describe(e)));
                last.set(i, null);
            } else {
                int i = r.nextInt(units);
                TrackState s = next(r, pool.get(i), last.get(i), centre, spreadNm, t);
                last.set(i, s);
                grid.update(s, e -> fromGrid.add(describe(e)));
                naive.update(s, e -> fromNaive.add(describe(e)));
            }
            fromGrid.sort(null);
            fromNaive.sort(null);
            assertThat(fromGrid).as("step %d", step).isEqualTo(fromNaive);
            raised += (int) fromGrid.stream().filter(e -> e.startsWith("NEW")).count();
        }
        assertThat(grid.active()).containsExactlyInAnyOrderElementsOf(naive.active());
        assertThat(grid.size()).isEqualTo(naive.size());
        return raised;
    }

    /** A unit's next fix: moved along its track from the last one (sometimes turning), or a fresh one near the centre. */
    private static TrackState next(Random r, Unit unit, TrackState previous, GeoPoint centre, double spreadNm, Instant t) {
        boolean air = unit.kind() == UnitKind.AIRCRAFT;
        double course = r.nextDouble() * 360;
        double speed = air ? 100 + r.nextDouble() * 500 : r.nextDouble() * 35;
        GeoPoint p;
        if (previous == null || r.nextInt(10) == 0) {
            p = Earth.deadReckon(centre, r.nextDouble() * 360, r.nextDouble() * spreadNm, 3600);
        } else {
            p = previous.positionAt(t);
            if (r.nextInt(3) != 0) {
                course = previous.courseDegrees();
                speed = previous.speedKnots();
            }
        }
        return air ? Fixes.aircraft(unit, t, p, course, speed, r.nextDouble() * 5000, (r.nextDouble() - 0.5) * 4000)
                : Fixes.vessel(unit, t, p, course, speed);
    }

    private static String describe(AlertEvent e) {
        return e.lifecycle() + " " + e.alert();
    }
}
