package org.macm.encounter.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.geo.Earth;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.track.TrackSource;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Identifier;
import org.macm.encounter.unit.Side;
import org.macm.encounter.unit.Unit;

/** Builds track states for engine tests: registered units of a side at a place, moving. */
final class Fixes {
    static final Side JP = Side.of("JP");
    static final Side CN = Side.of("CN");
    static final Instant T0 = Instant.parse("2026-11-29T03:30:00Z");

    private Fixes() {}

    static Unit ship(Side side, int mmsi) {
        return new Unit(List.of(new Identifier.Mmsi(mmsi)), side, side + " SHIP " + mmsi, "destroyer", UnitKind.VESSEL, true);
    }

    static Unit plane(Side side, int icao) {
        return new Unit(List.of(new Identifier.Icao24(icao)), side, side + " AIRCRAFT " + Integer.toHexString(icao), "patrol aircraft",
                UnitKind.AIRCRAFT, true);
    }

    static TrackState vessel(Unit unit, Instant time, GeoPoint p, double course, double knots) {
        return new TrackState(unit, UnitKind.VESSEL, p, time, course, knots, OptionalDouble.empty(), 0, TrackSource.AIS,
                Optional.empty(), Optional.empty());
    }

    static TrackState aircraft(Unit unit, Instant time, GeoPoint p, double course, double knots, double feet, double fpm) {
        return new TrackState(unit, UnitKind.AIRCRAFT, p, time, course, knots, OptionalDouble.of(feet), fpm, TrackSource.ADSB,
                Optional.empty(), Optional.empty());
    }

    /** The point {@code east} and {@code north} nautical miles from {@code p} (rhumb steps). */
    static GeoPoint offset(GeoPoint p, double eastNm, double northNm) {
        GeoPoint q = Earth.deadReckon(p, northNm >= 0 ? 0 : 180, Math.abs(northNm), 3600);
        return Earth.deadReckon(q, eastNm >= 0 ? 90 : 270, Math.abs(eastNm), 3600);
    }

    static TrackSlot slot(TrackState s) {
        TrackSlot e = new TrackSlot(s.unit().identifiers().get(0));
        e.set(s, 600_000, 0);
        return e;
    }
}
