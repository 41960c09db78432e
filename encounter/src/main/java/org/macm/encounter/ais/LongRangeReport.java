package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;

/**
 * Position report for long-range applications (type 27), sent by class A ships for
 * satellite reception, with coarse resolution. 96 bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38 accuracy   39 raim   40..43 status
 * 44..61 lon (signed, 1/10 min, 181 n/a)   62..78 lat (signed, 1/10 min, 91 n/a)
 * 79..84 sog (kn, 63 n/a)   85..93 cog (deg, 511 n/a)   94 gnss (0 = current fix)   95 spare
 * </pre>
 *
 * @param currentGnssFix whether the position is a current GNSS fix (bit 94 clear)
 */
public record LongRangeReport(
        int repeat,
        int mmsi,
        boolean highAccuracy,
        boolean raim,
        Optional<NavigationStatus> status,
        Optional<GeoPoint> position,
        OptionalInt speedKnots,
        OptionalInt courseDegrees,
        boolean currentGnssFix)
        implements AisMessage {

    @Override
    public int messageType() {
        return 27;
    }
}
