package org.macm.encounter.track;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.geo.Earth;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.unit.Unit;

/**
 * The latest known state of one unit: its last fix and the motion reported with it, from
 * which {@link #positionAt} extrapolates by dead reckoning (constant course and speed, and
 * constant vertical rate for altitude). Immutable; the store replaces it on each fix.
 *
 * @param kind whether the reports put it at sea or in the air
 * @param time when the fix was made
 * @param altitudeFeet aircraft only, when reported
 * @param verticalRateFeetPerMinute 0 when not reported
 * @param reportedName the name the unit's own transmissions gave (AIS, ADS-B call sign), if any
 * @param callsign the call sign its transmissions gave, if any
 */
public record TrackState(
        Unit unit,
        UnitKind kind,
        GeoPoint position,
        Instant time,
        double courseDegrees,
        double speedKnots,
        OptionalDouble altitudeFeet,
        double verticalRateFeetPerMinute,
        TrackSource source,
        Optional<String> reportedName,
        Optional<String> callsign) {

    public TrackState {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(altitudeFeet, "altitudeFeet");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reportedName, "reportedName");
        Objects.requireNonNull(callsign, "callsign");
    }

    /** Where dead reckoning puts the unit at {@code when} (before the fix too, backwards along the course). */
    public GeoPoint positionAt(Instant when) {
        return Earth.deadReckon(position, courseDegrees, speedKnots, seconds(when));
    }

    /** The altitude at {@code when}, from the last altitude and vertical rate. */
    public OptionalDouble altitudeAt(Instant when) {
        if (altitudeFeet.isEmpty()) {
            return altitudeFeet;
        }
        return OptionalDouble.of(altitudeFeet.getAsDouble() + verticalRateFeetPerMinute * seconds(when) / 60.0);
    }

    /** How old the fix is at {@code now}. */
    public Duration age(Instant now) {
        return Duration.between(time, now);
    }

    /** The registry's name, or for an unregistered unit the name it transmitted, or its identifier. */
    public String displayName() {
        return unit.registered() ? unit.name() : reportedName.orElse(unit.name());
    }

    private double seconds(Instant when) {
        return (when.toEpochMilli() - time.toEpochMilli()) / 1000.0;
    }
}
