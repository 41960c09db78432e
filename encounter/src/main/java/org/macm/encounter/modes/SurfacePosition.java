package org.macm.encounter.modes;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Extended squitter type codes 5..8: one half of a surface position, with the aircraft's
 * movement (ground speed) and ground track. Surface CPR zones are a quarter of the airborne
 * ones, so even a pair leaves four candidate places; {@link Cpr#surfaceGlobal} picks the one
 * nearest a reference (the receiver).
 *
 * @param typeCode 5..8
 * @param groundSpeedKnots the movement field decoded to knots; absent when not available
 *     (0) or reserved (125..127); 0 when stopped (1)
 * @param trackDegrees ground track, true, [0, 360); absent when the status bit says invalid
 * @param utcSynchronized the T flag
 * @param odd the F flag
 * @param cprLatitude the 17-bit encoded latitude
 * @param cprLongitude the 17-bit encoded longitude
 */
public record SurfacePosition(
        int downlinkFormat,
        int icao24,
        int typeCode,
        OptionalDouble groundSpeedKnots,
        OptionalDouble trackDegrees,
        boolean utcSynchronized,
        boolean odd,
        int cprLatitude,
        int cprLongitude)
        implements ModeSMessage {
    public SurfacePosition {
        Objects.requireNonNull(groundSpeedKnots, "groundSpeedKnots");
        Objects.requireNonNull(trackDegrees, "trackDegrees");
    }
}
