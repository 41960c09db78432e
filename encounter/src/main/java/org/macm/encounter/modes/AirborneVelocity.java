package org.macm.encounter.modes;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Extended squitter type code 19: airborne velocity. Subtypes 1 and 2 (subsonic,
 * supersonic) give the ground speed and track from east-west and north-south components;
 * subtypes 3 and 4 give an airspeed and, when available, the heading.
 *
 * @param subtype 1..4
 * @param speedKind ground speed, or indicated or true airspeed
 * @param speedKnots the speed, knots; absent when a component is not available
 * @param directionDegrees track over ground ({@link SpeedKind#GROUND}) or heading (airspeed), [0, 360)
 * @param verticalRateFeetPerMinute climb (positive) or descent; absent when not available
 * @param verticalRateSource which altimeter the vertical rate comes from
 * @param gnssMinusBaroFeet GNSS height minus barometric altitude; absent when not available or beyond 3,137 ft
 */
public record AirborneVelocity(
        int downlinkFormat,
        int icao24,
        int subtype,
        SpeedKind speedKind,
        OptionalDouble speedKnots,
        OptionalDouble directionDegrees,
        OptionalInt verticalRateFeetPerMinute,
        AltitudeSource verticalRateSource,
        OptionalInt gnssMinusBaroFeet)
        implements ModeSMessage {
    public AirborneVelocity {
        Objects.requireNonNull(speedKind, "speedKind");
        Objects.requireNonNull(speedKnots, "speedKnots");
        Objects.requireNonNull(directionDegrees, "directionDegrees");
        Objects.requireNonNull(verticalRateFeetPerMinute, "verticalRateFeetPerMinute");
        Objects.requireNonNull(verticalRateSource, "verticalRateSource");
        Objects.requireNonNull(gnssMinusBaroFeet, "gnssMinusBaroFeet");
    }
}
