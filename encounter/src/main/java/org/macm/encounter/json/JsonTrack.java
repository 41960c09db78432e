package org.macm.encounter.json;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.macm.encounter.GeoPoint;

/**
 * One track report from a party's own sensors, as decoded by {@link JsonTrackDecoder}.
 *
 * @param id the sensor's identifier for the unit (an MMSI, ICAO address or local track number)
 * @param time when the position was observed
 * @param courseDegrees course over ground, true, in [0, 360)
 * @param speedKnots speed over ground, at least 0
 * @param altitudeFeet altitude above mean sea level; present exactly for aircraft
 * @param headingDegrees true heading, in [0, 360)
 * @param side the party the sensor attributes the unit to, when it knows
 */
public record JsonTrack(
        String id,
        UnitKind kind,
        Instant time,
        GeoPoint position,
        double courseDegrees,
        double speedKnots,
        OptionalDouble altitudeFeet,
        OptionalDouble headingDegrees,
        Optional<String> name,
        Optional<String> side) {}
