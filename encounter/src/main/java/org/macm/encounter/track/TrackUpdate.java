package org.macm.encounter.track;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.macm.encounter.EncounterException;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.unit.Identifier;
import org.macm.encounter.unit.Side;

/**
 * One position fix of one unit, common to every feed. Course and speed may be absent (an AIS
 * "not available", an SBS position without a recent velocity); the store then keeps the
 * unit's last known ones, or treats it as stationary.
 *
 * @param courseDegrees course over ground, true, [0, 360)
 * @param speedKnots speed over ground, at least 0
 * @param altitudeFeet altitude above mean sea level, aircraft only
 * @param verticalRateFeetPerMinute climb (positive) or descent, aircraft only
 * @param name a name the report itself carried (AIS type 19, JSON)
 * @param callsign a call sign the report itself carried
 * @param sideHint the side a party's own sensor attributes the unit to; used only for a unit
 *     the registry does not list
 */
public record TrackUpdate(
        Identifier id,
        UnitKind kind,
        Instant time,
        GeoPoint position,
        OptionalDouble courseDegrees,
        OptionalDouble speedKnots,
        OptionalDouble altitudeFeet,
        OptionalDouble verticalRateFeetPerMinute,
        TrackSource source,
        Optional<String> name,
        Optional<String> callsign,
        Optional<Side> sideHint)
        implements TrackEvent {

    public TrackUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(callsign, "callsign");
        Objects.requireNonNull(sideHint, "sideHint");
        if (courseDegrees.isPresent() && !(courseDegrees.getAsDouble() >= 0 && courseDegrees.getAsDouble() < 360)) {
            throw new EncounterException("course must be in [0, 360), got " + courseDegrees.getAsDouble());
        }
        if (speedKnots.isPresent() && !(speedKnots.getAsDouble() >= 0 && speedKnots.getAsDouble() < 1e6)) {
            throw new EncounterException("speed must be in [0, 1e6) knots, got " + speedKnots.getAsDouble());
        }
        if (altitudeFeet.isPresent() && !Double.isFinite(altitudeFeet.getAsDouble())) {
            throw new EncounterException("altitude must be finite");
        }
        if (verticalRateFeetPerMinute.isPresent() && !Double.isFinite(verticalRateFeetPerMinute.getAsDouble())) {
            throw new EncounterException("vertical rate must be finite");
        }
    }

    /** A fix with course, speed and (for aircraft) altitude, and nothing else: the common case in tests and generators. */
    public static TrackUpdate of(Identifier id, UnitKind kind, Instant time, GeoPoint position, double courseDegrees,
            double speedKnots, OptionalDouble altitudeFeet) {
        return new TrackUpdate(id, kind, time, position, OptionalDouble.of(courseDegrees), OptionalDouble.of(speedKnots),
                altitudeFeet, OptionalDouble.empty(), TrackSource.JSON, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
