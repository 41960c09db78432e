package org.macm.encounter.modes;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Extended squitter type codes 9..18 (barometric altitude) and 20..22 (GNSS height): one
 * half of an airborne position. The latitude and longitude are 17-bit CPR numbers in the
 * even or odd grid; a place needs either an even/odd pair ({@link Cpr#airborneGlobal}) or
 * a reference within 180 NM ({@link Cpr#airborneLocal}).
 *
 * @param typeCode 9..18 or 20..22; lower type codes mean a smaller containment radius
 * @param surveillanceStatus 0 none, 1 permanent alert (emergency), 2 temporary alert (squawk changed), 3 SPI
 * @param altitudeFeet the altitude, feet (GNSS heights converted from metres); absent when not transmitted
 * @param altitudeSource which altimeter {@code altitudeFeet} comes from
 * @param utcSynchronized the T flag: the position's time of applicability is a UTC epoch
 * @param odd the F flag: an odd (true) or even (false) CPR frame
 * @param cprLatitude the 17-bit encoded latitude
 * @param cprLongitude the 17-bit encoded longitude
 */
public record AirbornePosition(
        int downlinkFormat,
        int icao24,
        int typeCode,
        int surveillanceStatus,
        OptionalInt altitudeFeet,
        AltitudeSource altitudeSource,
        boolean utcSynchronized,
        boolean odd,
        int cprLatitude,
        int cprLongitude)
        implements ModeSMessage {
    public AirbornePosition {
        Objects.requireNonNull(altitudeFeet, "altitudeFeet");
        Objects.requireNonNull(altitudeSource, "altitudeSource");
    }
}
