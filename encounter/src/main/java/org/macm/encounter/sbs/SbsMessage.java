package org.macm.encounter.sbs;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;

/**
 * One ADS-B / Mode S report in SBS-1 BaseStation form. Which fields are present depends on
 * the transmission type; an empty field in the line is an absent value here. Units are
 * those of the format: feet, knots, degrees, feet per minute.
 *
 * @param icao24 the aircraft's 24-bit ICAO address
 * @param callsign flight identification, trailing spaces trimmed
 * @param altitudeFeet barometric altitude (Mode C / ES)
 * @param groundSpeedKnots ground speed
 * @param trackDegrees track over ground, true
 * @param verticalRateFeetPerMinute climb (positive) or descent rate
 * @param squawk Mode A code, four octal digits
 * @param squawkChanged the "alert" flag: squawk has changed
 * @param emergency the emergency flag
 * @param ident the special position identification (IDENT) flag
 * @param onGround the on-ground flag
 * @param generatedAt when the receiver generated the message, from the line's fields 7 and
 *     8, read as UTC (receivers write their local clock; run them on UTC)
 */
public record SbsMessage(
        SbsTransmission transmission,
        int icao24,
        Optional<String> callsign,
        OptionalInt altitudeFeet,
        OptionalDouble groundSpeedKnots,
        OptionalDouble trackDegrees,
        Optional<GeoPoint> position,
        OptionalInt verticalRateFeetPerMinute,
        Optional<String> squawk,
        Optional<Boolean> squawkChanged,
        Optional<Boolean> emergency,
        Optional<Boolean> ident,
        Optional<Boolean> onGround,
        Optional<Instant> generatedAt) {

    /** The ICAO address as six upper-case hex digits, as receivers print it. */
    public String icaoHex() {
        return String.format("%06X", icao24);
    }
}
