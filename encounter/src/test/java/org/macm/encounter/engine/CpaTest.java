package org.macm.encounter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.macm.encounter.engine.Fixes.CN;
import static org.macm.encounter.engine.Fixes.JP;
import static org.macm.encounter.engine.Fixes.T0;
import static org.macm.encounter.engine.Fixes.aircraft;
import static org.macm.encounter.engine.Fixes.offset;
import static org.macm.encounter.engine.Fixes.plane;
import static org.macm.encounter.engine.Fixes.ship;
import static org.macm.encounter.engine.Fixes.slot;
import static org.macm.encounter.engine.Fixes.vessel;

import org.junit.jupiter.api.Test;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.geo.Earth;
import org.macm.encounter.geo.Vincenty;
import org.macm.encounter.track.TrackState;

/**
 * CPA and TCPA against cases worked by hand in a flat plane (in nm, knots and minutes); the
 * places are chosen where the plane is exact to well under 0.01 nm at these ranges.
 */
class CpaTest {
    private static final GeoPoint ECS = new GeoPoint(30.0, 125.0);
    private static final double SHIP_H = 2 * Earth.NM;
    private static final double SHIP_T = 20 * 60;

    private final Cpa cpa = new Cpa();

    private void ships(GeoPoint pa, double ca, double sa, GeoPoint pb, double cb, double sb) {
        TrackState a = vessel(ship(JP, 431000001), T0, pa, ca, sa);
        TrackState b = vessel(ship(CN, 412000001), T0, pb, cb, sb);
        cpa.evaluate(slot(a), slot(b), T0.toEpochMilli(), SHIP_H, Double.NaN, SHIP_T, 1.2, Double.MAX_VALUE);
    }

    private double cpaNm() {
        return cpa.cpaM / Earth.NM;
    }

    private double tcpaMin() {
        return cpa.tcpaS / 60;
    }

    @Test
    void headOn_sixMilesApartClosingAt20Knots_meetsIn18Minutes() {
        ships(ECS, 90, 10, offset(ECS, 6, 0), 270, 10);
        assertThat(cpa.rangeM / Earth.NM).isCloseTo(6, within(0.005));
        assertThat(tcpaMin()).isCloseTo(18, within(0.02));
        assertThat(cpaNm()).isCloseTo(0, within(0.005));
        assertThat(cpa.conflict).isTrue();
    }

    @Test
    void headOn_beyondTheHorizon_cpaIsTheDistanceAtTheHorizon() {
        // 10 nm at 20 kn closing: CPA 0 at 30 min, but 20 min ahead they are still 3.33 nm apart
        ships(ECS, 90, 10, offset(ECS, 10, 0), 270, 10);
        assertThat(tcpaMin()).isCloseTo(30, within(0.05));
        assertThat(cpaNm()).isCloseTo(10 - 20 * 20 / 60.0, within(0.01));
        assertThat(cpa.conflict).isFalse();
        assertThat(cpa.near).isFalse();
    }

    @Test
    void crossing_fromStarboard_passesAt0707nmIn17_5Minutes() {
        // r = (4, 3) nm, v = (-12, -12) kn: t = 84/288 h = 17.5 min, miss vector (0.5, -0.5)
        ships(ECS, 0, 12, offset(ECS, 4, 3), 270, 12);
        assertThat(tcpaMin()).isCloseTo(17.5, within(0.05));
        assertThat(cpaNm()).isCloseTo(Math.sqrt(0.5), within(0.01));
        assertThat(cpa.conflict).isTrue();
    }

    @Test
    void overtaking_fromAstern_cpaWithinHorizonIsDistanceAt20Minutes() {
        // r = (0.5, -3), v = (0, 6): CPA 0.5 nm at 30 min; at 20 min still (0.5, -1): 1.118 nm
        ships(ECS, 0, 10, offset(ECS, 0.5, -3), 0, 16);
        assertThat(tcpaMin()).isCloseTo(30, within(0.05));
        assertThat(cpaNm()).isCloseTo(Math.hypot(0.5, 1), within(0.01));
        assertThat(cpa.conflict).isTrue();
    }

    @Test
    void diverging_cpaIsPastAndRangeNowIsTheClosest() {
        ships(ECS, 180, 10, offset(ECS, 0, 3), 0, 10);
        assertThat(tcpaMin()).isCloseTo(-9, within(0.02));
        assertThat(cpaNm()).isCloseTo(3, within(0.005));
        assertThat(cpa.conflict).isFalse();
    }

    @Test
    void stationary_bothStopped_tcpaIsZeroAndCpaIsTheRange() {
        ships(ECS, 0, 0, offset(ECS, 1.5, 0), 0, 0);
        assertThat(tcpaMin()).isZero();
        assertThat(cpaNm()).isCloseTo(1.5, within(0.005));
        assertThat(cpa.conflict).isTrue();
    }

    @Test
    void sameCourseAndSpeed_noRelativeMotion_isLikeStationary() {
        ships(ECS, 45, 18, offset(ECS, 3, 0), 45, 18);
        assertThat(tcpaMin()).isZero();
        assertThat(cpaNm()).isCloseTo(3, within(0.005));
        assertThat(cpa.conflict).isFalse();
    }

    @Test
    void antimeridian_headOnAcross180_isTheSameAsAtGreenwich() {
        GeoPoint west = new GeoPoint(10, 179.95);
        GeoPoint east = new GeoPoint(10, -179.95);
        ships(west, 90, 10, east, 270, 10);
        double range = cpa.rangeM;
        double tcpa = cpa.tcpaS;
        double miss = cpa.cpaM;
        ships(new GeoPoint(10, -0.05), 90, 10, new GeoPoint(10, 0.05), 270, 10);
        assertThat(range).isCloseTo(cpa.rangeM, within(1e-6));
        assertThat(tcpa).isCloseTo(cpa.tcpaS, within(1e-6));
        assertThat(miss).isCloseTo(cpa.cpaM, within(1e-6));
        assertThat(range).isCloseTo(Vincenty.distance(west, east), within(1.0));
        assertThat(miss / Earth.NM).isLessThan(0.01);
    }

    @Test
    void highLatitude_75N_headOnAlongTheParallel_meetsWithMeridianConvergenceAccountedFor() {
        // 0.3 degrees of longitude at 75 N is about 4.7 nm; each unit's "east" differs by 0.29 degrees
        GeoPoint a = new GeoPoint(75, 10);
        GeoPoint b = new GeoPoint(75, 10.3);
        ships(a, 90, 10, b, 270, 10);
        double rangeNm = Vincenty.distance(a, b) / Earth.NM;
        assertThat(cpa.rangeM / Earth.NM).isCloseTo(rangeNm, within(0.005));
        assertThat(tcpaMin()).isCloseTo(rangeNm / 20 * 60, within(0.05));
        // the parallel is not a straight line: it bows 5 m from the chord over 4.7 nm at 75 N
        assertThat(cpaNm()).isLessThan(0.02);
    }

    @Test
    void highLatitude_75N_crossingNorthbound_matchesTheFlatCase() {
        GeoPoint a = new GeoPoint(75, -30);
        ships(a, 0, 12, offset(a, 4, 3), 270, 12);
        assertThat(tcpaMin()).isCloseTo(17.5, within(0.1));
        assertThat(cpaNm()).isCloseTo(Math.sqrt(0.5), within(0.03));
    }

    @Test
    void aircraft_horizontallyClose_butVerticallySeparated_isNoConflict() {
        GeoPoint a = ECS;
        GeoPoint b = offset(ECS, 20, 0);
        TrackState x = aircraft(plane(JP, 0x84A001), T0, a, 90, 300, 20_000, 0);
        TrackState y = aircraft(plane(CN, 0x780001), T0, b, 270, 300, 21_500, 0);
        cpa.evaluate(slot(x), slot(y), T0.toEpochMilli(), 5 * Earth.NM, 1000, 300, 1.2, Double.MAX_VALUE);
        assertThat(tcpaMin()).isCloseTo(2, within(0.01));
        assertThat(cpaNm()).isCloseTo(0, within(0.01));
        assertThat(cpa.verticalFt).isCloseTo(1500, within(0.01));
        assertThat(cpa.conflict).isFalse();
        assertThat(cpa.near).isFalse(); // 1500 ft > 1.2 * 1000 ft
    }

    @Test
    void aircraft_descendingIntoTheOthersLevel_conflictsWhenBothSeparationsAreLostTogether() {
        // 20 nm head-on at 600 kn closing: within 5 nm from 1.5 to 2.5 min; B descends 1000 ft/min
        // from 3000 ft above: within 1000 ft from 2 min on, so both hold from 2 to 2.5 min
        TrackState x = aircraft(plane(JP, 0x84A001), T0, ECS, 90, 300, 20_000, 0);
        TrackState y = aircraft(plane(CN, 0x780001), T0, offset(ECS, 20, 0), 270, 300, 23_000, -1000);
        cpa.evaluate(slot(x), slot(y), T0.toEpochMilli(), 5 * Earth.NM, 1000, 300, 1.2, Double.MAX_VALUE);
        assertThat(cpa.verticalFt).as("at CPA (2 min)").isCloseTo(1000, within(2.0));
        assertThat(cpa.conflict).isTrue();
        // the same descent starting 4000 ft above reaches 1000 ft only at 3 min, when they are 10 nm apart
        TrackState z = aircraft(plane(CN, 0x780001), T0, offset(ECS, 20, 0), 270, 300, 24_000, -1000);
        cpa.evaluate(slot(x), slot(z), T0.toEpochMilli(), 5 * Earth.NM, 1000, 300, 1.2, Double.MAX_VALUE);
        assertThat(cpa.conflict).isFalse();
    }

    @Test
    void mixed_lowPassOverAShip_usesTheAircraftAltitudeAboveSeaLevel() {
        TrackState s = vessel(ship(JP, 431000001), T0, ECS, 0, 15);
        TrackState low = aircraft(plane(CN, 0x780001), T0, offset(ECS, 10, 0.25), 270, 240, 500, 0);
        cpa.evaluate(slot(s), slot(low), T0.toEpochMilli(), 1 * Earth.NM, 1000, 300, 1.2, Double.MAX_VALUE);
        assertThat(cpa.conflict).isTrue();
        assertThat(cpa.verticalFt).isCloseTo(500, within(0.01));
        TrackState high = aircraft(plane(CN, 0x780001), T0, offset(ECS, 10, 0.25), 270, 240, 5000, 0);
        cpa.evaluate(slot(s), slot(high), T0.toEpochMilli(), 1 * Earth.NM, 1000, 300, 1.2, Double.MAX_VALUE);
        assertThat(cpa.conflict).isFalse();
    }

    @Test
    void olderFix_isDeadReckonedToNowBeforeTheCpa() {
        // A's fix is 6 minutes old: it has since closed 1 nm of the 6
        TrackState a = vessel(ship(JP, 431000001), T0, ECS, 90, 10);
        TrackState b = vessel(ship(CN, 412000001), T0.plusSeconds(360), offset(ECS, 6, 0), 270, 10);
        cpa.evaluate(slot(a), slot(b), T0.plusSeconds(360).toEpochMilli(), SHIP_H, Double.NaN, SHIP_T, 1.2, Double.MAX_VALUE);
        assertThat(cpa.rangeM / Earth.NM).isCloseTo(5, within(0.005));
        assertThat(tcpaMin()).isCloseTo(15, within(0.02));
    }
}
